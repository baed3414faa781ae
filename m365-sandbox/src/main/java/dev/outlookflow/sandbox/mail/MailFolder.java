package dev.outlookflow.sandbox.mail;

/** A mail folder; {@code wellKnownName} is set for Inbox, Sent Items, Drafts, Deleted Items and Archive. */
public record MailFolder(String id, String displayName, String parentFolderId, String wellKnownName, boolean hidden) {}
