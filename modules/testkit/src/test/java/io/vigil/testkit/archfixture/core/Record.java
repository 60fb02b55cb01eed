package io.vigil.testkit.archfixture.core;

/** Fixture: a shared record, as core would hold. */
public record Record(String id) {}
