package io.vigil.api.story;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/stories/{id}}: a story with its member articles and outlets. */
@RestController
@RequestMapping(path = "/api/stories", produces = "application/json")
@Tag(name = "stories", description = "Stories: one piece of journalism across outlets")
public class StoryController {

    private final Stories stories;

    public StoryController(Stories stories) {
        this.stories = stories;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A story with its member articles (earliest first) and outlets")
    @ApiResponse(responseCode = "404", description = "no article belongs to this story")
    public Story story(@PathVariable String id) throws IOException {
        if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a story id: " + id);
        }
        Story story = stories.find(id);
        if (story == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No story " + id);
        }
        return story;
    }
}
