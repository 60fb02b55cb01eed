package io.vigil.app.security;

import io.vigil.core.user.User;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/me}: who is signed in and their API keys; {@code /api/users}: users (admins only).
 * Hashes never leave the server; a new API key is shown once.
 */
@RestController
class UserController {

    private final UserStore store;
    private final PasswordEncoder encoder;

    UserController(UserStore store, PasswordEncoder encoder) {
        this.store = store;
        this.encoder = encoder;
    }

    /** A user as shown: no hashes. */
    record UserView(String username, User.Role role, List<KeyView> apiKeys, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(
                    u.username(),
                    u.role(),
                    u.apiKeys().stream()
                            .map(k -> new KeyView(k.id(), k.name(), k.createdAt()))
                            .toList(),
                    u.createdAt());
        }
    }

    /** An API key as listed. */
    record KeyView(String id, String name, Instant createdAt) {}

    /** A new API key: {@code key} is shown this once. */
    record NewKey(String id, String key) {}

    /** A user to create. */
    record NewUser(String username, String password, String role) {}

    /** What to name a new key. */
    record KeyRequest(String name) {}

    @GetMapping("/api/me")
    UserView me(Principal principal) {
        return UserView.of(current(principal));
    }

    @PostMapping("/api/me/api-keys")
    ResponseEntity<NewKey> newKey(
            Principal principal, @RequestBody(required = false) KeyRequest r) {
        User user = current(principal);
        String key = ApiKeys.generate();
        User.ApiKey record = ApiKeys.record(key, r == null ? null : r.name(), Instant.now());
        List<User.ApiKey> keys = new ArrayList<>(user.apiKeys());
        keys.add(record);
        store.save(with(user, keys));
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewKey(record.id(), key));
    }

    @DeleteMapping("/api/me/api-keys/{id}")
    ResponseEntity<Void> revoke(Principal principal, @PathVariable String id) {
        User user = current(principal);
        List<User.ApiKey> keys = user.apiKeys().stream().filter(k -> !k.id().equals(id)).toList();
        if (keys.size() == user.apiKeys().size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No key " + id);
        }
        store.save(with(user, keys));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users")
    List<UserView> users() {
        return store.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/users")
    ResponseEntity<UserView> create(@RequestBody NewUser request) {
        User user = newUser(request, encoder);
        if (store.find(user.username()) != null) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "User " + user.username() + " exists");
        }
        store.save(user);
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(UserView.of(user));
    }

    @DeleteMapping("/api/users/{username}")
    ResponseEntity<Void> delete(@PathVariable String username, Principal principal) {
        if (store.find(username) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + username);
        }
        if (username.equals(principal.getName())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "You cannot remove yourself");
        }
        store.delete(username);
        return ResponseEntity.noContent().build();
    }

    /** A checked new user; a bad name, role or short password is a 400. */
    static User newUser(NewUser request, PasswordEncoder encoder) {
        String name = request.username() == null ? "" : request.username().trim();
        if (!name.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "A user name is lower case letters, digits, '.', '_', '-' or '@'.");
        }
        if (request.password() == null || request.password().length() < 10) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "A password has at least 10 characters.");
        }
        User.Role role;
        try {
            role =
                    User.Role.valueOf(
                            (request.role() == null ? "viewer" : request.role())
                                    .trim()
                                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "role is admin, analyst or viewer.");
        }
        Instant now = Instant.now();
        return new User(
                User.SCHEMA, name, encoder.encode(request.password()), role, List.of(), now, now);
    }

    private User current(Principal principal) {
        User user = principal == null ? null : store.find(principal.getName());
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in");
        }
        return user;
    }

    private static User with(User u, List<User.ApiKey> keys) {
        return new User(
                User.SCHEMA,
                u.username(),
                u.passwordHash(),
                u.role(),
                keys,
                u.createdAt(),
                Instant.now());
    }
}
