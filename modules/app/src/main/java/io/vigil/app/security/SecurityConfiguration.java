package io.vigil.app.security;

import io.vigil.core.kafka.Topics;
import io.vigil.core.user.User;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what. Form sign-in (session, CSRF-protected; the UI's scripts send the {@code
 * XSRF-TOKEN} cookie back as {@code X-XSRF-TOKEN}) and API keys ({@code X-API-Key}, no session, no
 * CSRF since browsers never send that header by themselves). Roles: a viewer reads, an analyst also
 * changes alerts, feeds and relevance judgements, an admin also manages users and sees the
 * operations endpoints. Open to all: health, Prometheus metrics, the sign-in page, and alert Atom
 * feeds (those check their own token). Unauthenticated {@code /api} calls get 401, pages a redirect
 * to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
@Import(UserController.class)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // {bcrypt} by default
    }

    @Bean(destroyMethod = "close")
    UserStore userStore(
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafkaProperties,
            SecuritySettings settings,
            PasswordEncoder encoder) {
        Optional<KafkaProperties> kafka = Optional.ofNullable(kafkaProperties.getIfAvailable());
        Map<String, Object> consumer =
                new HashMap<>(kafka.map(KafkaProperties::buildConsumerProperties).orElse(Map.of()));
        String servers = String.join(",", connection.getConsumer().getBootstrapServers());
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        Map<String, Object> producer =
                new HashMap<>(kafka.map(KafkaProperties::buildProducerProperties).orElse(Map.of()));
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        UsersTopic.ensure(servers, consumer, topics.users());
        UserStore store = UserStore.open(topics, consumer, producer, Duration.ofSeconds(60));
        firstAdmin(store, settings, encoder);
        return store;
    }

    /** Creates the first admin when there is no user; adds the configured admin API key. */
    static void firstAdmin(UserStore store, SecuritySettings settings, PasswordEncoder encoder) {
        Instant now = Instant.now();
        if (store.isEmpty()) {
            String password = settings.adminPassword();
            if (password == null) {
                password = ApiKeys.password();
                LOG.warn(
                        "First sign-in: user '{}' with password '{}' (shown once; change it, or"
                                + " set vigil.security.admin-password before the first start)",
                        settings.adminUsername(),
                        password);
            }
            store.save(
                    new User(
                            User.SCHEMA,
                            settings.adminUsername(),
                            encoder.encode(password),
                            User.Role.ADMIN,
                            List.of(),
                            now,
                            now));
            LOG.info("Created the first admin '{}'", settings.adminUsername());
        }
        User admin = store.find(settings.adminUsername());
        if (settings.adminApiKey() != null
                && admin != null
                && store.findByKey(settings.adminApiKey()) == null) {
            List<User.ApiKey> keys = new ArrayList<>(admin.apiKeys());
            keys.add(ApiKeys.record(settings.adminApiKey(), "configured", now));
            store.save(
                    new User(
                            User.SCHEMA,
                            admin.username(),
                            admin.passwordHash(),
                            admin.role(),
                            keys,
                            admin.createdAt(),
                            now));
        }
    }

    @Bean
    UserDetailsService userDetailsService(UserStore store) {
        return name -> {
            User user = store.find(name);
            if (user == null || user.passwordHash() == null) {
                throw new UsernameNotFoundException("no user " + name);
            }
            return org.springframework.security.core.userdetails.User.withUsername(user.username())
                    .password(user.passwordHash())
                    .authorities(Roles.authorities(user.role()))
                    .build();
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserStore users) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(
                        a ->
                                // A streamed response (an export) finishes on an async dispatch of
                                // a request that was already authorised.
                                a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                        .permitAll()
                                        .requestMatchers(
                                                "/actuator/health",
                                                "/actuator/health/**",
                                                "/actuator/info",
                                                "/actuator/prometheus",
                                                "/login",
                                                "/favicon.ico",
                                                "/error")
                                        .permitAll()
                                        .requestMatchers(HttpMethod.GET, "/api/alerts/*/feed")
                                        .permitAll()
                                        .requestMatchers(
                                                "/api/users", "/api/users/**", "/actuator/**")
                                        .hasRole("ADMIN")
                                        .requestMatchers("/api/me", "/api/me/**")
                                        .hasRole("VIEWER")
                                        .requestMatchers("/api/feeds/discover")
                                        .hasRole("ANALYST")
                                        .requestMatchers(HttpMethod.GET, "/api/**")
                                        .hasRole("VIEWER")
                                        .requestMatchers("/api/**")
                                        .hasRole("ANALYST")
                                        .anyRequest()
                                        .authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(
                        c ->
                                c.spa()
                                        .ignoringRequestMatchers(
                                                r -> r.getHeader(ApiKeyFilter.HEADER) != null))
                .exceptionHandling(
                        e ->
                                e.defaultAuthenticationEntryPointFor(
                                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .addFilterBefore(
                        new ApiKeyFilter(users), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(csrfCookie(), CsrfFilter.class);
        return http.build();
    }

    /** Loads the deferred CSRF token on every request, so the {@code XSRF-TOKEN} cookie is set. */
    private static Filter csrfCookie() {
        return (request, response, chain) -> {
            Object token = request.getAttribute(CsrfToken.class.getName());
            if (token instanceof CsrfToken t) {
                t.getToken();
            }
            chain.doFilter(request, response);
        };
    }
}
