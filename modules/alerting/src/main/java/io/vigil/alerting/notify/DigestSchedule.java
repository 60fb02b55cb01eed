package io.vigil.alerting.notify;

import io.vigil.core.alert.Alert;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** When a digest is due: the first slot of its schedule after its first pending story. Pure. */
final class DigestSchedule {

    private DigestSchedule() {}

    /** The first digest time strictly after {@code after}, in the owner's zone. */
    static Instant next(Alert.Email email, Instant after) {
        ZonedDateTime t = after.atZone(email.zone());
        ZonedDateTime slot =
                switch (email.schedule()) {
                    case INSTANT -> t;
                    case HOURLY -> {
                        ZonedDateTime s =
                                t.truncatedTo(ChronoUnit.HOURS).withMinute(email.at().getMinute());
                        yield s.isAfter(t) ? s : s.plusHours(1);
                    }
                    case DAILY -> {
                        ZonedDateTime s = t.with(email.at()).truncatedTo(ChronoUnit.MINUTES);
                        yield s.isAfter(t) ? s : s.plusDays(1).with(email.at());
                    }
                    case WEEKLY -> {
                        ZonedDateTime s =
                                t.with(TemporalAdjusters.nextOrSame(email.day()))
                                        .with(email.at())
                                        .truncatedTo(ChronoUnit.MINUTES);
                        yield s.isAfter(t)
                                ? s
                                : s.with(TemporalAdjusters.next(email.day())).with(email.at());
                    }
                };
        return slot.toInstant();
    }
}
