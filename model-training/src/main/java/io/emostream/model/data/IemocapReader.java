package io.emostream.model.data;

import io.emostream.model.wav.WavFormatException;
import io.emostream.model.wav.WavReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the IEMOCAP release layout with the standard 4-class mapping and leave-one-session-out
 * folds.
 *
 * <p>Layout: {@code ROOT/Session{1..5}/dialog/EmoEvaluation/<dialog>.txt} (label lines
 * {@code [6.2901 - 8.2357]\tSes01F_impro01_F000\tneu\t[2.5000, 2.5000, 2.5000]}),
 * {@code ROOT/SessionN/dialog/transcriptions/<dialog>.txt} (lines
 * {@code Ses01F_impro01_F000 [006.2901-008.2357]: Excuse me.}) and
 * {@code ROOT/SessionN/sentences/wav/<dialog>/<utterance>.wav}.
 *
 * <p>Labels: neu → neutral, hap and exc → happy, ang → angry, sad → sad; every other label
 * (fru, sur, fea, dis, oth, xxx) is dropped, as in most published 4-class results.
 * Valence and activation ratings (1–5) become the valence/arousal targets.
 *
 * <p>Folds (1–5): test = Session {@code fold}; dev = the female speaker of the next session
 * (Session {@code fold % 5 + 1}), so early stopping never sees a test speaker and the dev set is
 * speaker-independent too; train = everything else. With fewer than five sessions present "next"
 * means the next present one.
 */
public final class IemocapReader implements CorpusReader {

  private static final Pattern LABEL_LINE = Pattern.compile(
      "\\[\\s*([0-9.]+)\\s*-\\s*([0-9.]+)\\s*]\\s+(\\S+)\\s+(\\S+)\\s+\\[\\s*([0-9.]+)\\s*,\\s*([0-9.]+)\\s*,\\s*([0-9.]+)\\s*]\\s*");
  private static final Pattern TRANSCRIPT_LINE = Pattern.compile("(Ses\\S+)\\s+\\[[^]]*]:\\s?(.*)");
  private static final Map<String, String> LABELS = Map.of(
      "neu", "neutral", "hap", "happy", "exc", "happy", "ang", "angry", "sad", "sad");

  private final Path root;
  private final int fold;

  /**
   * @param root the directory holding {@code Session1} ... {@code Session5}
   * @param fold the test session, 1–5
   */
  public IemocapReader(Path root, int fold) {
    if (fold < 1 || fold > 5) {
      throw new IllegalArgumentException("IEMOCAP fold must be 1..5 (the test session), got " + fold);
    }
    this.root = root;
    this.fold = fold;
  }

  @Override
  public String description() {
    return "IEMOCAP " + root.toAbsolutePath().normalize() + " fold " + fold + " (test Session" + fold
        + ", dev Session" + devSession(presentSessions()) + " female speaker)";
  }

  @Override
  public List<Example> read() {
    List<Integer> sessions = presentSessions();
    if (sessions.isEmpty()) {
      throw new CorpusException("IEMOCAP root " + root.toAbsolutePath() + " has no Session1..Session5 directories:"
          + " point --iemocap at the folder that holds Session1 ... Session5 (e.g. IEMOCAP_full_release)");
    }
    if (!sessions.contains(fold)) {
      throw new CorpusException("IEMOCAP fold " + fold + " needs " + root.resolve("Session" + fold)
          + ", which does not exist; sessions present: " + sessions);
    }
    int dev = devSession(sessions);
    List<Example> out = new ArrayList<>();
    for (int session : sessions) {
      readSession(session, dev, out);
    }
    if (out.isEmpty()) {
      throw new CorpusException("IEMOCAP root " + root.toAbsolutePath() + " has no utterances labelled neu, hap, exc,"
          + " ang or sad in Session*/dialog/EmoEvaluation/*.txt");
    }
    return out;
  }

  private List<Integer> presentSessions() {
    List<Integer> sessions = new ArrayList<>();
    for (int s = 1; s <= 5; s++) {
      if (Files.isDirectory(root.resolve("Session" + s))) {
        sessions.add(s);
      }
    }
    return sessions;
  }

  private int devSession(List<Integer> sessions) {
    for (int k = 1; k <= 5; k++) {
      int candidate = (fold - 1 + k) % 5 + 1;
      if (candidate != fold && sessions.contains(candidate)) {
        return candidate;
      }
    }
    return -1; // only the test session exists: no dev set
  }

  private void readSession(int session, int devSession, List<Example> out) {
    Path sessionDir = root.resolve("Session" + session);
    Path labels = sessionDir.resolve("dialog").resolve("EmoEvaluation");
    if (!Files.isDirectory(labels)) {
      throw new CorpusException(labels + " does not exist: an IEMOCAP session needs dialog/EmoEvaluation/*.txt");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(labels)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new CorpusException("cannot list " + labels + ": " + e.getMessage(), e);
    }
    for (Path file : files) {
      String dialog = file.getFileName().toString().replaceFirst("\\.txt$", "");
      Map<String, String> texts = transcripts(sessionDir.resolve("dialog").resolve("transcriptions")
          .resolve(dialog + ".txt"));
      for (Labelled l : labelLines(file)) {
        String label = LABELS.get(l.code());
        if (label == null) {
          continue;
        }
        Path wav = sessionDir.resolve("sentences").resolve("wav").resolve(dialog).resolve(l.id() + ".wav");
        if (!Files.isRegularFile(wav)) {
          throw new CorpusException(file + ":" + l.line() + ": utterance " + l.id() + " has no audio at " + wav
              + "; is the sentences/wav folder of Session" + session + " complete?");
        }
        String speaker = speakerOf(l.id(), session);
        Split split = session == fold ? Split.TEST
            : session == devSession && speaker.endsWith("F") ? Split.DEV : Split.TRAIN;
        float valence = clamp((l.valence() - 3f) / 2f, -1f, 1f);
        float arousal = clamp((l.activation() - 1f) / 4f, 0f, 1f);
        out.add(new Example(l.id(), split, speaker, label, texts.get(l.id()), () -> load(wav), valence, arousal,
            false));
      }
    }
  }

  private record Labelled(int line, String id, String code, float valence, float activation) {}

  private static List<Labelled> labelLines(Path file) {
    List<String> lines = readLines(file);
    List<Labelled> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("[")) {
        continue; // headers, per-annotator lines (C-E1:, A-F2:, ...) and blanks
      }
      Matcher m = LABEL_LINE.matcher(line);
      if (!m.matches()) {
        throw new CorpusException(file + ":" + (i + 1) + ": malformed label line '" + line + "': expected"
            + " [start - end]<TAB>utterance id<TAB>label<TAB>[valence, activation, dominance]");
      }
      out.add(new Labelled(i + 1, m.group(3), m.group(4), Float.parseFloat(m.group(5)),
          Float.parseFloat(m.group(6))));
    }
    return out;
  }

  /** Utterance id to text; an absent file leaves the dialog's utterances audio-only. */
  private static Map<String, String> transcripts(Path file) {
    Map<String, String> texts = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return texts;
    }
    for (String line : readLines(file)) {
      Matcher m = TRANSCRIPT_LINE.matcher(line.trim());
      if (m.matches() && !m.group(2).isBlank()) {
        texts.put(m.group(1), m.group(2).trim());
      }
    }
    return texts;
  }

  /** {@code Ses01F_impro01_F000} was spoken by the session's female actor: {@code Ses01F}. */
  private static String speakerOf(String id, int session) {
    String last = id.substring(id.lastIndexOf('_') + 1);
    char gender = last.isEmpty() ? '?' : last.charAt(0);
    return String.format("Ses%02d%c", session, gender);
  }

  private static List<String> readLines(Path file) {
    try {
      // IEMOCAP files are ASCII; ISO-8859-1 never fails on a stray byte
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static float[] load(Path wav) {
    try {
      return WavReader.readMono(wav, 16_000);
    } catch (WavFormatException e) {
      throw new CorpusException(e.getMessage(), e);
    }
  }

  private static float clamp(float v, float lo, float hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
