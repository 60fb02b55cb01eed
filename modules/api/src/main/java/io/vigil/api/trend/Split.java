package io.vigil.api.trend;

/** What a trend can be split by, and the indexed field of each. */
public enum Split {
    THEME("themes"),
    LANGUAGE("language"),
    OUTLET("outlet"),
    OUTLET_COUNTRY("outletCountry"),
    COUNTRY("countries");

    private final String field;

    Split(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }
}
