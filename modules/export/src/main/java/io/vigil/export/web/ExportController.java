package io.vigil.export.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.core.json.Json;
import io.vigil.core.search.ArticleFilter;
import io.vigil.export.ExportProperties;
import io.vigil.export.ExportRequest;
import io.vigil.export.StreamExport;
import io.vigil.export.format.Format;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/exports}: every article matching the search API's filters, as a ZIP of the data
 * file and its manifest, streamed; more than {@code stream-max-articles} (or {@code async=true})
 * become a background job (202, {@code Location} its status). {@code GET /api/exports/jobs/{id}}: a
 * job's progress; {@code /data} and {@code /manifest}: its files.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "exports", description = "Research datasets: every matching article, with a manifest")
public class ExportController {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private final StreamExport stream;
    private final ExportJobs jobs;
    private final ExportProperties settings;

    public ExportController(StreamExport stream, ExportJobs jobs, ExportProperties settings) {
        this.stream = stream;
        this.jobs = jobs;
        this.settings = settings;
    }

    @GetMapping
    @Operation(
            summary = "Export every matching article",
            description =
                    "Filters as GET /api/articles. format: csv, jsonl (default) or parquet;"
                            + " fields: comma-separated columns or 'all' (default: all but the"
                            + " text); text=true adds the text; gzip=true compresses. Answers a"
                            + " ZIP (data file + manifest.json), or 202 with a job when larger"
                            + " than the streaming limit or async=true.")
    @ApiResponse(responseCode = "200", description = "the ZIP archive, streamed")
    @ApiResponse(responseCode = "202", description = "a background job; Location is its status")
    @ApiResponse(responseCode = "400", description = "malformed query or parameter (problem JSON)")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> lang,
            @RequestParam(required = false) List<String> source,
            @RequestParam(required = false) List<String> country,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String story,
            @RequestParam(required = false) Double minRelevance,
            @Parameter(description = "csv, jsonl or parquet") @RequestParam(defaultValue = "jsonl")
                    String format,
            @Parameter(description = "columns, comma-separated, or all")
                    @RequestParam(required = false)
                    String fields,
            @RequestParam(defaultValue = "false") boolean text,
            @RequestParam(defaultValue = "false") boolean gzip,
            @RequestParam(defaultValue = "false") boolean async)
            throws IOException {
        ArticleFilter filter =
                ArticleFilter.parse(
                        q, from, to, lang, source, country, topic, theme, story, minRelevance);
        List<ExportField> columns = new ArrayList<>(ExportField.parse(fields));
        if (text && !columns.contains(ExportField.TEXT)) {
            columns.add(ExportField.TEXT);
        }
        ExportRequest request = new ExportRequest(filter, columns, Format.parse(format), gzip);
        StreamExport.Prepared prepared = stream.prepare(request);
        if (async || prepared.total() > settings.streamMaxArticles()) {
            prepared.close();
            ExportJob job = jobs.submit(prepared.request());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/exports/jobs/" + job.id()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(out -> Json.mapper().writeValue(out, job));
        }
        String name = "vigil-export-" + STAMP.format(prepared.startedAt()) + ".zip";
        StreamingResponseBody body = out -> stream.write(prepared, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Vigil-Articles", String.valueOf(prepared.total()))
                .body(body);
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A background export's progress and, once done, its download links")
    public ExportJob job(@PathVariable String id) {
        ExportJob job = jobs.find(id);
        if (job == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No export job " + id);
        }
        return job;
    }

    @GetMapping("/jobs/{id}/data")
    @Operation(summary = "A finished job's data file")
    public ResponseEntity<Resource> data(@PathVariable String id) {
        return file(id, false);
    }

    @GetMapping("/jobs/{id}/manifest")
    @Operation(summary = "A finished job's manifest")
    public ResponseEntity<Resource> manifest(@PathVariable String id) {
        return file(id, true);
    }

    private ResponseEntity<Resource> file(String id, boolean manifest) {
        if (jobs.find(id) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No export job " + id);
        }
        Path data = jobs.data(id);
        if (data == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Export " + id + " not done");
        }
        Path path = manifest ? io.vigil.export.FileExport.manifestOf(data) : data;
        if (!Files.exists(path)) {
            throw new ResponseStatusException(HttpStatus.GONE, "Export " + id + " was removed");
        }
        return ResponseEntity.ok()
                .contentType(
                        manifest ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(path.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(path));
    }
}
