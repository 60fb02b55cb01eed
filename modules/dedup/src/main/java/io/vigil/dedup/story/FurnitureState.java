package io.vigil.dedup.story;

/** The paragraphs seen per host, which the {@link Fingerprinter} reads and writes. */
public interface FurnitureState {

    /** The leading and trailing paragraphs seen at a host, or an empty set. */
    HostFurniture furniture(String host);

    void putFurniture(String host, HostFurniture furniture);
}
