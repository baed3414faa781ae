package dev.outlookflow.outlook.settings;

import dev.outlookflow.uischema.form.ChoiceLabel;

/**
 * A Microsoft cloud: where msal4j authenticates, where the browser signs in, where Graph answers, and
 * the resource Graph scopes name. Sources: graph-facts section 6 (Graph deployments, Entra national clouds).
 */
public enum Cloud {
  @ChoiceLabel("Azure Global (login.microsoftonline.com)")
  GLOBAL("https://login.microsoftonline.com", "https://login.microsoftonline.com", "https://graph.microsoft.com",
      "https://graph.microsoft.com"),
  @ChoiceLabel("US Government GCC High (login.microsoftonline.us)")
  US_GOV_GCC_HIGH("https://login.microsoftonline.us", "https://login.microsoftonline.us", "https://graph.microsoft.us",
      "https://graph.microsoft.us"),
  @ChoiceLabel("US Government DoD (login.microsoftonline.us, dod-graph.microsoft.us)")
  US_GOV_DOD("https://login.microsoftonline.us", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us",
      "https://dod-graph.microsoft.us"),
  /** msal4j trusts login.chinacloudapi.cn; Entra's newer docs name login.partner.microsoftonline.cn for browsers. */
  @ChoiceLabel("China, operated by 21Vianet")
  CHINA("https://login.chinacloudapi.cn", "https://login.partner.microsoftonline.cn",
      "https://microsoftgraph.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn"),
  /**
   * The m365 sandbox: msal4j gets a fixed https authority without a port, which the plugin's HTTP
   * client routes to the sandbox; browsers and Graph calls go to the sandbox's real address.
   */
  @ChoiceLabel("Sandbox (the runtime's demo tenant)")
  SANDBOX(SandboxRouting.AUTHORITY_HOST, null, null, "https://graph.microsoft.com");

  private final String authorityHost;
  private final String signInHost;
  private final String graphBaseUrl;
  private final String scopeResource;

  Cloud(String authorityHost, String signInHost, String graphBaseUrl, String scopeResource) {
    this.authorityHost = authorityHost;
    this.signInHost = signInHost;
    this.graphBaseUrl = graphBaseUrl;
    this.scopeResource = scopeResource;
  }

  /** The msal4j authority for a tenant: https, no port, trailing slash. */
  public String authority(String tenant) {
    return authorityHost + "/" + tenant + "/";
  }

  /** Where the browser signs in; for the sandbox, its real address. */
  public String signInBase(String sandboxUrl) {
    return this == SANDBOX ? sandboxUrl : signInHost;
  }

  /** Graph's v1.0 base URL; for the sandbox, its real address. */
  public String graphBaseUrl(String sandboxUrl) {
    return (this == SANDBOX ? sandboxUrl : graphBaseUrl) + "/v1.0";
  }

  /** A Graph permission as this cloud's scope, e.g. {@code https://graph.microsoft.us/Mail.Send}. */
  public String scope(String permission) {
    return scopeResource + "/" + permission;
  }

  /**
   * Whether Graph here offers attachment upload sessions (files of 3 MB and more): not in the US
   * government clouds (graph-facts section 4, createUploadSession's national-cloud table).
   */
  public boolean hasUploadSessions() {
    return this != US_GOV_GCC_HIGH && this != US_GOV_DOD;
  }

  /** The name admins know the cloud by, e.g. for sentences. */
  public String displayName() {
    return switch (this) {
      case GLOBAL -> "Azure Global";
      case US_GOV_GCC_HIGH -> "US Government GCC High";
      case US_GOV_DOD -> "US Government DoD";
      case CHINA -> "Microsoft 365 operated by 21Vianet";
      case SANDBOX -> "the sandbox";
    };
  }

  public String appOnlyScope() {
    return scopeResource + "/.default";
  }

  String authorityHost() {
    return authorityHost;
  }
}
