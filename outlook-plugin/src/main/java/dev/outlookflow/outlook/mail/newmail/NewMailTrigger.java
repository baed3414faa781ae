package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.mail.MailFailures;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * "When a new email arrives": one run per new mail in a mailbox's Inbox, through the folder's shared
 * {@link FolderWatcher}. Its plugin settings: {@link NewMailSettings}.
 */
@Extension
public class NewMailTrigger implements Trigger<NewMailProperties, NewMail> {
  static final TriggerDescriptor<NewMailProperties, NewMail> DESCRIPTOR = new TriggerDescriptor<>("new-mail",
      "When a new email arrives", "Starts one run for each new email in a mailbox's Inbox, within one check "
          + "interval; never twice for the same email, also across restarts", NewMailProperties.class, NewMail.class);
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
  /** Which connection and folder the flow's progress was made on. */
  static final String WATCHING = "watching";

  private final OutlookServices services;
  private final Watchers watchers = new Watchers();

  public NewMailTrigger(OutlookServices services) {
    this.services = services;
  }

  @Override
  public TriggerDescriptor<NewMailProperties, NewMail> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<NewMail> context, NewMailProperties properties) {
    Optional<ConnectionHandle> chosen = context.connection();
    Optional<SharedState> shared = context.shared();
    if (chosen.isEmpty() || shared.isEmpty()) {
      return Future.failedFuture(new ExtensionException("no_connection",
          "Choose a Microsoft 365 Outlook connection in the trigger's 'connection' field."));
    }
    ConnectionHandle connection = chosen.get();
    ConnectionSettings settings;
    Duration interval;
    try {
      settings = ConnectionSettings.of(connection);
      interval = interval(properties, settings.profile().cloud());
    } catch (ExtensionException refused) {
      return Future.failedFuture(refused);
    }
    Instant now = context.environment().clock().instant();
    // The flow's progress first: a start that fails on Graph and is tried again still listens from its first try.
    return progress(context, now).compose(progress -> MailGraph.open(connection, settings, services).compose(graph -> {
      Mailbox mailbox = graph.fence().resolve(properties.mailbox(), "mailbox");
      String mailboxName = mailbox.isMe() ? graph.account() : mailbox.address();
      return graph.read(mailbox, "/mailFolders/inbox?$select=id,displayName")
          .recover(failure -> Future.failedFuture(MailFailures.explain(failure, mailbox, graph)))
          .compose(inbox -> {
            if (inbox.getString("id") == null) {
              throw new ExtensionException("no_inbox", "Microsoft Graph answered no id for the Inbox of "
                  + mailbox.describe() + ": the trigger is tried again shortly.");
            }
            NewMail.Folder folder = new NewMail.Folder(inbox.getString("id"), inbox.getString("displayName", "Inbox"));
            WatchKey key = new WatchKey(connection.id(), mailboxKey(mailbox, mailboxName), folder.id());
            return watching(context, key, progress, now).map(current -> join(context, connection, settings,
                FlowChoices.of(properties, interval), shared.get(), key, mailbox, mailboxName, folder, current, now));
          });
    }));
  }

  private TriggerHandle join(TriggerContext<NewMail> context, ConnectionHandle connection, ConnectionSettings settings,
      FlowChoices choices, SharedState shared, WatchKey key, Mailbox mailbox, String mailboxName, NewMail.Folder folder,
      Progress progress, Instant now) {
    Subscriber subscriber = new Subscriber(context, connection, settings, choices, now, progress.since(),
        progress.covered());
    FolderWatcher watcher = watchers.join(key, subscriber, after -> new FolderWatcher(key, mailbox, mailboxName,
        folder, services, context.environment().vertx(), context.environment().clock(), shared, watchers.budget(),
        NewMailSettings.of(context.environment(), context.log()),
        new MailAttachments(AttachmentBounds.of(context.environment(), context.log())), after));
    return (StopReason reason) -> watchers.leave(key, watcher, subscriber);
  }

  /**
   * The flow's progress, if it was made watching this folder: an edit that points the flow at another mailbox or
   * connection starts it afresh there (catching up there from its old progress would fire old mail).
   */
  private static Future<Progress> watching(TriggerContext<NewMail> context, WatchKey key, Progress progress,
      Instant now) {
    String watching = key.connectionId() + "/" + key.stateKey();
    return context.state().get(WATCHING).compose(stored -> {
      if (stored.isPresent() && stored.get().equals(watching)) {
        return Future.succeededFuture(progress);
      }
      if (stored.isEmpty()) {
        return context.state().put(WATCHING, watching).map(progress);
      }
      return context.state().put(WATCHING, watching)
          .compose(v -> context.state().put(Subscriber.SINCE, String.valueOf(now.toEpochMilli())))
          .compose(v -> context.state().remove(Subscriber.COVERED))
          .map(new Progress(now, null));
    });
  }

  /**
   * Since when the flow listens (its first start) and up to when its rounds covered the folder: null at its first
   * start; at a later one, when no round recorded progress yet, its first start (so a flow enabled and disabled
   * again within a minute still catches up on the mail between).
   */
  private record Progress(Instant since, Instant covered) {}

  private static Future<Progress> progress(TriggerContext<NewMail> context, Instant now) {
    return context.state().get(Subscriber.SINCE).compose(stored -> {
      if (stored.isEmpty()) {
        return context.state().put(Subscriber.SINCE, String.valueOf(now.toEpochMilli())).map(new Progress(now, null));
      }
      Instant since = instant(stored.get());
      return context.state().get(Subscriber.COVERED)
          .map(covered -> new Progress(since, covered.map(NewMailTrigger::instant).orElse(since)));
    });
  }

  static Duration interval(NewMailProperties properties, Cloud cloud) {
    Duration interval = properties.pollInterval() == null ? DEFAULT_INTERVAL
        : Duration.ofSeconds(properties.pollInterval());
    if (interval.compareTo(MIN_INTERVAL) < 0 && cloud != Cloud.SANDBOX) {
      throw new ExtensionException("poll_interval_too_short", "'pollInterval': Microsoft 365 is checked at most "
          + "every " + MIN_INTERVAL.toSeconds() + " seconds (1 is allowed only on the Sandbox cloud): set 5 or more.");
    }
    return interval;
  }

  private static String mailboxKey(Mailbox mailbox, String name) {
    return (mailbox.isMe() ? "me:" : "") + (name == null ? "" : name.toLowerCase(Locale.ROOT));
  }

  private static Instant instant(String epochMillis) {
    return Instant.ofEpochMilli(Long.parseLong(epochMillis));
  }
}
