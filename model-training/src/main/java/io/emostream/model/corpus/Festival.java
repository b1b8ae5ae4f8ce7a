package io.emostream.model.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Festival as long-running {@code festival --pipe} processes, because each start costs about a
 * second and switching voice another half. Every process keeps one voice; a synthesis thread
 * borrows an idle process of the voice it needs (starting one when none is idle) and gives it back,
 * so with N threads at most N processes per voice run. Commands go to the process's stdin as
 * Scheme; festival buffers stdout in a pipe, so each command ends by printing a marker to the
 * unbuffered stderr, which is read up to the marker.
 */
final class Festival implements AutoCloseable {

  private final String exe;
  private final String version;
  private final Map<ExternalVoice, ConcurrentLinkedQueue<Session>> idle = new EnumMap<>(ExternalVoice.class);
  private final List<Session> all = new ArrayList<>();

  private Festival(String exe, String version) {
    this.exe = exe;
    this.version = version;
    for (ExternalVoice v : ExternalVoice.values()) {
      idle.put(v, new ConcurrentLinkedQueue<>());
    }
  }

  /**
   * Checks that festival runs and that every festival voice of {@link ExternalVoice} loads.
   *
   * @throws ToolMissingException naming the Debian package of what is missing
   */
  static Festival open(String exe) {
    String out = Processes.versionOf(exe, "--version", "festival", "festival");
    Festival festival = new Festival(exe, out.replaceFirst("(?s).*System:\\s*", "").replaceFirst(":.*", "").strip());
    for (ExternalVoice v : ExternalVoice.values()) {
      if (v.festival()) {
        festival.release(v, festival.start(v)); // fails here, before any synthesis, when a voice is missing
      }
    }
    return festival;
  }

  /** The installed festival version, e.g. {@code 2.5.0}. */
  String version() {
    return version;
  }

  /** Speaks {@code text} with a festival {@code voice} into the RIFF WAV {@code wav}. */
  void render(ExternalVoice voice, String text, Path wav) {
    Session session = idle.get(voice).poll();
    if (session == null) {
      session = start(voice);
    }
    boolean healthy = false;
    try {
      String quoted = wav.toString().replace("\\", "\\\\").replace("\"", "\\\"");
      List<String> said = session.command("(set! emo_u (utt.synth (Utterance Text \"" + scheme(text) + "\")))\n"
          + "(utt.save.wave emo_u \"" + quoted + "\" 'riff)\n");
      if (!Files.isRegularFile(wav)) {
        throw new IllegalStateException("festival (" + voice.voice() + ") wrote no WAV for: " + text + "; it said: "
            + String.join(" | ", said));
      }
      healthy = true;
    } finally {
      if (healthy) {
        release(voice, session);
      } else {
        session.process.destroyForcibly();
      }
    }
  }

  private void release(ExternalVoice voice, Session session) {
    idle.get(voice).add(session);
  }

  private Session start(ExternalVoice voice) {
    try {
      Process p = new ProcessBuilder(exe, "--pipe").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Session session = new Session(p, new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)));
      synchronized (all) {
        all.add(session);
      }
      List<String> said = session.command("(voice_" + voice.voice() + ")\n");
      if (said.stream().anyMatch(line -> line.contains("SIOD ERROR"))) {
        throw new ToolMissingException("festival voice " + voice.voice() + " is not installed (" + String.join(" | ", said)
            + "): install it with `apt-get install " + voice.aptPackage() + "`");
      }
      return session;
    } catch (IOException e) {
      throw new ToolMissingException("festival cannot be run as '" + exe + "' (" + e.getMessage()
          + "): install it with `apt-get install festival`, or point to it with --festival PATH", e);
    }
  }

  /** {@code text} as the inside of a Scheme string literal. */
  static String scheme(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ');
  }

  @Override
  public void close() {
    synchronized (all) {
      for (Session s : all) {
        try {
          s.in.close(); // end of input makes festival exit
        } catch (IOException ignored) {
          // the process is killed below anyway
        }
        s.process.destroyForcibly();
      }
      all.clear();
    }
  }

  /** One festival process, used by one thread at a time. */
  private static final class Session {
    private final Process process;
    private final Writer in;
    private final BufferedReader err;
    private int commands;

    Session(Process process, Writer in, BufferedReader err) {
      this.process = process;
      this.in = in;
      this.err = err;
    }

    /** Runs {@code scheme} and returns what festival printed to stderr before the marker. */
    List<String> command(String scheme) {
      String marker = "EMOSTREAM-DONE-" + (++commands);
      List<String> said = new ArrayList<>();
      try {
        in.write(scheme + "(format stderr \"" + marker + "\\n\")\n");
        in.flush();
        for (String line = err.readLine(); !marker.equals(line); line = err.readLine()) {
          if (line == null) {
            throw new IllegalStateException("festival exited unexpectedly; it said: " + String.join(" | ", said));
          }
          said.add(line);
        }
        return said;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot talk to festival: " + e.getMessage() + "; it said: "
            + String.join(" | ", said), e);
      }
    }
  }
}
