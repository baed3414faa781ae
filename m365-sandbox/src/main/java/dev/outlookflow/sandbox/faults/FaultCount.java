package dev.outlookflow.sandbox.faults;

/** How many requests a fault rule hit: its id, method ({@code *} for any) and path glob, as added. */
public record FaultCount(String id, String method, String path, long fired) {}
