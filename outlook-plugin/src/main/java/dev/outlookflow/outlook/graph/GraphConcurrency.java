package dev.outlookflow.outlook.graph;

import dev.outlookflow.plugin.api.PluginEnvironment;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How many Graph requests a plugin instance has in flight at once ({@code limit}), and what shares them
 * ({@code scope}). Graph's throttling docs disagree: the newest say Outlook runs 4 concurrent requests per app
 * across all mailboxes, older versions 4 per app and mailbox. The stricter reading is the default; an admin
 * who knows their tenant gets the other through the runtime's plugin settings {@value #SCOPE_SETTING}
 * ({@code app} or {@code mailbox}) and {@value #LIMIT_SETTING} (1 to {@value #MAX_LIMIT}).
 */
public record GraphConcurrency(Scope scope, int limit) {
  public static final String SCOPE_SETTING = "outlook.graphConcurrency";
  public static final String LIMIT_SETTING = "outlook.graphConcurrencyLimit";
  static final int MAX_LIMIT = 16;
  public static final GraphConcurrency DEFAULT = new GraphConcurrency(Scope.APP, 4);

  /** What shares the {@code limit}. */
  public enum Scope {
    /** Every mailbox the plugin instance reaches, together. */
    APP,
    /** Each mailbox on its own. */
    MAILBOX
  }

  public GraphConcurrency {
    if (scope == null || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("Graph concurrency needs a scope and a limit from 1 to " + MAX_LIMIT);
    }
  }

  /**
   * The plugin settings of {@code environment}; a value that is neither gives way to the default, with a
   * sentence to {@code warnings} (a wrong setting must not keep the plugin from loading).
   */
  public static GraphConcurrency from(PluginEnvironment environment, Consumer<String> warnings) {
    Scope scope = environment.setting(SCOPE_SETTING).map(value -> scope(value, warnings)).orElse(DEFAULT.scope());
    int limit = environment.setting(LIMIT_SETTING).map(value -> limit(value, warnings)).orElse(DEFAULT.limit());
    return new GraphConcurrency(scope, limit);
  }

  private static Scope scope(String value, Consumer<String> warnings) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "app" -> Scope.APP;
      case "mailbox" -> Scope.MAILBOX;
      default -> {
        warnings.accept("The plugin setting " + SCOPE_SETTING + "=" + value + " is neither app nor mailbox: the "
            + "Outlook plugin uses the default, app (its limit of Graph requests in flight holds for all mailboxes "
            + "together).");
        yield DEFAULT.scope();
      }
    };
  }

  private static int limit(String value, Consumer<String> warnings) {
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // Said in the warning below, as an out-of-range number is.
    }
    warnings.accept("The plugin setting " + LIMIT_SETTING + "=" + value + " is not a whole number from 1 to "
        + MAX_LIMIT + ": the Outlook plugin uses the default, " + DEFAULT.limit() + ".");
    return DEFAULT.limit();
  }
}
