package dev.outlookflow.sandbox.tenant;

import java.util.List;

/** The tenant a sandbox starts with when no seed file is given; the README lists it. */
public final class DemoSeed {
  public static final String TENANT_ID = "8f2c1e56-3b7a-4d2e-9c1f-5a6b7c8d9e01";
  public static final String DOMAIN = "contoso.onmicrosoft.com";
  public static final String RUNTIME_CLIENT_ID = "6d1f8a7e-2c4b-4e3a-9f1d-0b2a3c4d5e6f";
  public static final String RUNTIME_CLIENT_SECRET = "sandbox-demo-secret-change-me";
  public static final String ADMIN = "admin@" + DOMAIN;
  public static final String ADMIN_PASSWORD = "Admin#2026";
  public static final String USER = "adele@" + DOMAIN;
  public static final String USER_PASSWORD = "Adele#2026";
  public static final String UNLICENSED = "lee@" + DOMAIN;
  public static final String UNLICENSED_PASSWORD = "Lee#2026";
  public static final String SHARED = "sales@" + DOMAIN;
  /** A shared mailbox where Megan has Full Access but may not send. */
  public static final String SUPPORT = "support@" + DOMAIN;

  private DemoSeed() {}

  public static Seed seed() {
    return new Seed(List.of(new Seed.Tenant(
        TENANT_ID,
        DOMAIN,
        "Contoso (sandbox)",
        false,
        List.of(
            new Seed.User("3c0b8e2a-1f4d-4a6b-8c9e-0d1f2a3b4c5d", ADMIN, "Megan Bowen", ADMIN_PASSWORD, true, true),
            new Seed.User("7a9d4c1e-5b2f-4e8a-b3c6-1d2e3f4a5b6c", USER, "Adele Vance", USER_PASSWORD, false, true),
            new Seed.User("b2e4f6a8-0c1d-4e3f-9a5b-7c8d9e0f1a2b", UNLICENSED, "Lee Gu", UNLICENSED_PASSWORD, false, false)),
        List.of(
            new Seed.SharedMailbox("e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f", SHARED, "Sales", List.of(
                new Seed.Member("7a9d4c1e-5b2f-4e8a-b3c6-1d2e3f4a5b6c", List.of("FullAccess", "SendAs")),
                new Seed.Member("3c0b8e2a-1f4d-4a6b-8c9e-0d1f2a3b4c5d", List.of("SendOnBehalf")))),
            new Seed.SharedMailbox("f4e3d2c1-b6a5-4f8e-9d0c-1b2a3c4d5e6f", SUPPORT, "Support", List.of(
                new Seed.Member("3c0b8e2a-1f4d-4a6b-8c9e-0d1f2a3b4c5d", List.of("FullAccess"))))),
        List.of(new Seed.App(
            RUNTIME_CLIENT_ID,
            "Flow runtime (sandbox demo)",
            List.of(new Seed.Secret("demo", RUNTIME_CLIENT_SECRET, "2099-12-31T00:00:00Z")),
            List.of("http://localhost/oauth/callback", "http://127.0.0.1/oauth/callback"),
            List.of("User.Read", "Mail.ReadWrite", "Mail.Send", "Mail.ReadWrite.Shared", "Mail.Send.Shared",
                "offline_access"),
            List.of("Mail.ReadWrite", "Mail.Send", "User.Read.All"),
            false)))));
  }
}
