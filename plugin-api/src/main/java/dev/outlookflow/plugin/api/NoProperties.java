package dev.outlookflow.plugin.api;

/** The properties of an extension whose panel has no fields. */
public record NoProperties() {}
