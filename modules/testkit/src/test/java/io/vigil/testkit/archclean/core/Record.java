package io.vigil.testkit.archclean.core;

/** Fixture: a shared record, as core would hold. */
public record Record(String id) {}
