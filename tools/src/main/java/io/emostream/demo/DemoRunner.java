package io.emostream.demo;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.embedded.DevRegistry;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.topics.TopicNames;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The embedded demo: a real Kafka broker in this JVM, the dev schema registry as a child JVM,
 * emostream with the chosen model, the sample (or the user's) calls replayed in real time, and
 * a live console of scored utterances and alerts. {@link #close()} stops everything in reverse
 * order and deletes the temporary state.
 */
public final class DemoRunner implements AutoCloseable {

  /** What the demo runs with. */
  public record Options(Path callsDir, String model, double speed, boolean loop, int port, PrintStream out,
                        boolean color) {}

  private final List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());
  private final Options options;
  private ConsoleView console;
  private EmostreamApp app;
  private String dashboardUrl;

  public DemoRunner(Options options) {
    this.options = options;
  }

  /** Starts every part; returns once the app is RUNNING and the replay has begun. */
  public void start() {
    PrintStream out = options.out();
    Path work = tempDir();
    resources.add(() -> deleteRecursively(work));
    out.println("Starting the emostream demo: in-process Kafka, dev schema registry, model, sample calls ...");
    EmbeddedKafka kafka = EmbeddedKafka.start();
    resources.add(kafka);
    out.println("  Kafka broker      " + kafka.bootstrapServers());
    DevRegistry registry = DevRegistry.start();
    resources.add(registry);
    out.println("  schema registry   " + registry.url());

    Map<String, String> settings = new HashMap<>();
    settings.put(EmostreamConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(EmostreamConfig.REGISTRY_URL, registry.url());
    settings.put(EmostreamConfig.APPLICATION_ID, "emostream-demo");
    settings.put(EmostreamConfig.TOPICS_CREATE, "true");
    settings.put(EmostreamConfig.TOPICS_PARTITIONS, "2");
    settings.put(EmostreamConfig.MODEL_LOCATION, options.model());
    settings.put("state.dir", work.resolve("state").toString());
    settings.put("serving.port", String.valueOf(options.port()));
    EmostreamConfig config = EmostreamConfig.of(settings);
    TopicNames topics = TopicNames.from(config.asMap());

    app = EmostreamApp.start(config);
    resources.add(app);
    awaitRunning(app, Duration.ofSeconds(120));
    dashboardUrl = app.servingPort().isPresent()
        ? "http://127.0.0.1:" + app.servingPort().getAsInt() + "/" : "(serving disabled)";
    out.println("  model             " + app.model().info().name() + " " + app.model().info().version()
        + " on " + app.model().info().device());

    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of(EmostreamConfig.REGISTRY_URL, registry.url()), false);
    resources.add(serde);
    console = new ConsoleView(kafka.bootstrapServers(), serde.deserializer(),
        List.of(topics.utterances(), topics.alerts()), out, options.color());
    resources.add(console);
    startThread("demo-console", console);

    Path calls = options.callsDir() != null ? options.callsDir() : BundledCalls.extractTo(work.resolve("calls"));
    CallReplayer replayer = new CallReplayer(calls, topics, kafka.bootstrapServers(), serde.serializer(),
        options.speed(), options.loop());
    resources.add(replayer);
    startThread("demo-replay", replayer);
    out.println("  replaying         " + calls + (options.loop() ? " (looping)" : ""));
    out.println("  dashboard         " + dashboardUrl);
    out.println("Press Ctrl-C to stop.");
    out.println();
  }

  /** Scored utterances the console has shown. */
  public int utterancesShown() {
    return console == null ? 0 : console.utterancesShown();
  }

  /** Alert events the console has shown. */
  public int alertsShown() {
    return console == null ? 0 : console.alertsShown();
  }

  public String dashboardUrl() {
    return dashboardUrl;
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    resources.clear();
    for (AutoCloseable resource : reversed) {
      try {
        resource.close();
      } catch (Exception e) {
        options.out().println("  (while stopping: " + e.getMessage() + ")");
      }
    }
  }

  private static void awaitRunning(EmostreamApp app, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (app.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !app.state().isRunningOrRebalancing() && app.state() != KafkaStreams.State.CREATED) {
        throw new IllegalStateException("emostream did not reach RUNNING (state " + app.state() + ")");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting", e);
      }
    }
  }

  private static void startThread(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("emostream-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for the demo", e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }
}
