package io.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class DataStreamTest {

    @Test
    void gzipMembersEndAtCheckpointsAndResumeFromThem() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataStream first = DataStream.of(file, true);
        first.write("line 1\n".getBytes(StandardCharsets.UTF_8));
        long checkpoint = first.checkpoint();
        first.write("lost 2\n".getBytes(StandardCharsets.UTF_8)); // written after the checkpoint
        first.flush();

        byte[] kept = Arrays.copyOf(file.toByteArray(), (int) checkpoint); // cut back
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        resumed.write(kept);
        DataStream second = DataStream.appending(resumed, true, new ByteArrayInputStream(kept));
        second.write("line 2\n".getBytes(StandardCharsets.UTF_8));
        second.close();

        byte[] bytes = resumed.toByteArray();
        String text =
                new String(
                        new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(),
                        StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("line 1\nline 2\n");
        assertThat(second.bytes()).isEqualTo(bytes.length);
        assertThat(second.sha256())
                .isEqualTo(
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
}
