package io.emostream.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The redaction corpus: transcript lines in the style streaming ASR produces, with every piece of
 * personal data marked {@code {{like this}}} (pii-lines.txt), and lines that carry none
 * (clean-lines.txt). Every marked span must come out masked and everything around it unchanged;
 * every clean line must come out exactly as it went in.
 */
class TranscriptRedactorCorpusTest {

  /** What a masked span may become: a tag, or digits turned into # with the separators kept. */
  private static final String MASKED = "(\\[card\\]|\\[email\\]|[#\\s().+/,-]*#[#\\s().+/,-]*)";
  private static final Pattern SPAN = Pattern.compile("\\{\\{(.+?)}}");

  @Test
  void shouldMaskEveryPiiSpanAndKeepTheRestOfTheLine() throws IOException {
    List<String> lines = lines("pii-lines.txt");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(100);
    List<String> failures = new ArrayList<>();
    int spans = 0;
    for (String line : lines) {
      Matcher m = SPAN.matcher(line);
      StringBuilder input = new StringBuilder();
      StringBuilder expected = new StringBuilder("^");
      int at = 0;
      while (m.find()) {
        input.append(line, at, m.start()).append(m.group(1));
        expected.append(Pattern.quote(line.substring(at, m.start()))).append(MASKED);
        at = m.end();
        spans++;
      }
      assertThat(at).as("line without a marked span: %s", line).isPositive();
      input.append(line.substring(at));
      expected.append(Pattern.quote(line.substring(at))).append('$');
      String out = TranscriptRedactor.redact(input.toString());
      if (!out.matches(expected.toString())) {
        failures.add(input + "\n    -> " + out);
      }
    }
    assertThat(spans).isGreaterThanOrEqualTo(100);
    assertThat(failures).as("lines whose PII was not masked exactly").isEmpty();
  }

  @Test
  void shouldLeaveEveryCleanLineUnchanged() throws IOException {
    List<String> lines = lines("clean-lines.txt");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(100);
    List<String> altered = new ArrayList<>();
    for (String line : lines) {
      String out = TranscriptRedactor.redact(line);
      if (!out.equals(line)) {
        altered.add(line + "\n    -> " + out);
      }
    }
    assertThat(altered).as("clean lines the redactor changed").isEmpty();
  }

  private List<String> lines(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
