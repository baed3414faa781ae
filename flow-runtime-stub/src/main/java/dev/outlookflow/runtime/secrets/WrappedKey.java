package dev.outlookflow.runtime.secrets;

/** A data key encrypted by the master key {@code masterKeyId}. */
public record WrappedKey(String masterKeyId, String wrapped) {}
