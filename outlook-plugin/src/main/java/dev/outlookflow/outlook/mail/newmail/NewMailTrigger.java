package dev.outlookflow.outlook.mail.newmail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.FolderChoices;
import dev.outlookflow.outlook.mail.MailFailures;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.Paths;
import dev.outlookflow.outlook.mail.newmail.FlowFolders.Progress;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * "When a new email arrives": one run per new mail in a mailbox's folder (the Inbox unless another is chosen), and
 * in its subfolders if asked, through each folder's shared {@link FolderWatcher} ({@link FlowFolders}). Its plugin
 * settings: {@link NewMailSettings}.
 */
@Extension
public class NewMailTrigger implements Trigger<NewMailProperties, NewMail>, OptionsProvider {
  static final TriggerDescriptor<NewMailProperties, NewMail> DESCRIPTOR = new TriggerDescriptor<>("new-mail",
      "When a new email arrives", "Starts one run for each new email in a mailbox's folder (the Inbox by "
          + "default) and, if asked, its subfolders, within one check interval; never twice for the same email, "
          + "also across restarts", NewMailProperties.class, NewMail.class);
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
      String folderName = properties.folderOrInbox();
      return graph.read(mailbox, "/mailFolders/" + Paths.encode(folderName) + "?$select=id,displayName")
          .recover(failure -> Future.failedFuture(noSuchFolder(failure, folderName, mailbox)
              .orElseGet(() -> MailFailures.explain(failure, mailbox, graph))))
          .compose(found -> {
            if (found.getString("id") == null) {
              throw new ExtensionException("no_folder_id", "Microsoft Graph answered no id for the folder '"
                  + folderName + "' of " + mailbox.describe() + ": the trigger is tried again shortly.");
            }
            NewMail.Folder folder = new NewMail.Folder(found.getString("id"), found.getString("displayName",
                folderName));
            String mailboxKey = mailboxKey(mailbox, mailboxName);
            WatchKey key = new WatchKey(connection.id(), mailboxKey, folder.id());
            // Read once per start: a setting out of range is told once.
            NewMailSettings tuning = NewMailSettings.of(context.environment(), context.log());
            FlowFolders.Listening where = new FlowFolders.Listening(connection, settings,
                FlowChoices.of(properties, interval), mailbox,
                mailboxKey, mailboxName, services, membership(context, shared.get(), mailbox, mailboxName, tuning));
            return watching(context, key, progress, now)
                .compose(current -> FlowFolders.start(context, where, folder, current, properties.includeSubfolders(),
                    graph, tuning.folderScanEvery()))
                .map(folders -> (TriggerHandle) reason -> folders.stop());
          });
    }));
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, ObjectNode values) {
    return FolderChoices.loadTree(context, values, services);
  }

  /** A chosen folder Graph does not know (404) as a sentence naming the field and the fix. */
  private static Optional<Throwable> noSuchFolder(Throwable failure, String folder, Mailbox mailbox) {
    if (failure instanceof GraphException graph && graph.status() == 404) {
      return Optional.of(new ExtensionException("no_such_folder", "'folder': " + mailbox.describe() + " has no "
          + "folder '" + folder + "' (deleted, or an id of another mailbox): choose one from the list, or a "
          + "well-known name such as inbox."));
    }
    return Optional.empty();
  }

  /** How the flow's folders join the plugin's shared watchers. */
  private FlowFolders.Membership membership(TriggerContext<NewMail> context, SharedState shared, Mailbox mailbox,
      String mailboxName, NewMailSettings settings) {
    MailAttachments attachments = new MailAttachments(AttachmentBounds.of(context.environment(), context.log()));
    return new FlowFolders.Membership() {
      @Override
      public FolderWatcher join(WatchKey key, NewMail.Folder folder, Subscriber subscriber) {
        return watchers.join(key, subscriber, after -> new FolderWatcher(key, mailbox, mailboxName, folder, services,
            context.environment().vertx(), context.environment().clock(), shared, watchers.budget(), settings,
            attachments, after));
      }

      @Override
      public Future<Void> leave(WatchKey key, FolderWatcher watcher, Subscriber subscriber) {
        return watchers.leave(key, watcher, subscriber);
      }
    };
  }

  /**
   * The flow's progress, if it was made watching this folder: an edit that points the flow at another folder,
   * mailbox or connection starts it afresh there (catching up there from its old progress would fire old mail),
   * its subfolders forgotten.
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
          .compose(v -> KnownFolders.load(context.state()))
          .compose(known -> known.clear(context.state()))
          .map(new Progress(now, null));
    });
  }

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
