package dev.outlookflow.outlook.settings;

/** The authority host msal4j uses for the sandbox cloud, routed to the sandbox's real address. */
public final class SandboxRouting {
  public static final String AUTHORITY_HOST = "https://login.sandbox.test";

  private SandboxRouting() {}
}
