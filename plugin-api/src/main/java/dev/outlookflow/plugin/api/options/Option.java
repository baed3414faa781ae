package dev.outlookflow.plugin.api.options;

/** One entry of a dynamic dropdown. */
public record Option(String value, String label) {}
