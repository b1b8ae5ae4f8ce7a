package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.expected;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.pcmChunk;
import static io.emostream.assembly.AssemblyDriver.samplesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioCoverage;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.Utterance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Over random interleavings of chunks and transcripts, with random wall-clock delays and
 * duplicates: every final transcript yields exactly one utterance, and when its audio
 * arrived within max-wait the utterance carries exactly the samples of its range.
 * One driver serves all tries (a fresh call id each) to keep the run short.
 */
class AssemblyInterleavingPropertyTest {

  private static AssemblyDriver driver;
  private static Path stateDir;
  private static final AtomicInteger CALLS = new AtomicInteger();

  @BeforeContainer
  static void start() throws Exception {
    stateDir = Files.createTempDirectory("assembly-props");
    driver = new AssemblyDriver(stateDir, AssemblyConfig.defaults());
  }

  @AfterContainer
  static void stop() {
    driver.close();
  }

  private sealed interface Step permits Chunk, Transcript {}

  private record Chunk(int channel, long seq, long startMs, int lengthMs) implements Step {}

  private record Transcript(TranscriptSegment segment) implements Step {}

  @Property(tries = 30)
  void everyFinalTranscriptYieldsExactlyOneUtteranceWithExactSamplesWhenCovered(@ForAll long seed) {
    Random random = new Random(seed);
    String call = "prop-" + CALLS.incrementAndGet();
    List<Step> steps = new ArrayList<>();
    Map<Integer, Long> audioEnd = new HashMap<>();
    for (int channel = 0; channel < 2; channel++) {
      long end = 2_000 + random.nextInt(6_000);
      audioEnd.put(channel, end);
      long seq = 0;
      for (long s = 0; s < end; seq++) {
        int len = (int) Math.min(40 + random.nextInt(960), end - s);
        steps.add(new Chunk(channel, seq, s, len));
        s += len;
      }
      long t = random.nextInt(300);
      for (int u = 0; t < 9_000; u++) {
        long len = 200 + random.nextInt(1_800);
        steps.add(new Transcript(finalTranscript(call, "c" + channel + "-u" + u, channel, t, t + len, "text " + u)));
        t += len + random.nextInt(800);
      }
    }
    Collections.shuffle(steps, random);

    Map<String, Long> transcriptWall = new HashMap<>();
    Map<Integer, List<long[]>> chunkWall = new HashMap<>(); // channel -> [startMs, endMs, wall]
    long wall = 0;
    for (Step step : steps) {
      if (random.nextInt(4) == 0) {
        long d = random.nextInt(3_000);
        driver.advance(Duration.ofMillis(d));
        wall += d;
      }
      if (step instanceof Chunk c) {
        driver.pipeAudio(pcmChunk(call, c.channel(), c.seq(), c.startMs(), c.lengthMs()));
        if (random.nextInt(10) == 0) {
          driver.pipeAudio(pcmChunk(call, c.channel(), c.seq(), c.startMs(), c.lengthMs()));
        }
        chunkWall.computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(new long[] {c.startMs(), c.startMs() + c.lengthMs(), wall});
      } else if (step instanceof Transcript tr) {
        driver.pipeTranscript(tr.segment());
        transcriptWall.putIfAbsent(tr.segment().getUtteranceId(), wall);
        if (random.nextInt(10) == 0) {
          driver.pipeTranscript(tr.segment());
        }
      }
    }
    driver.advance(Duration.ofSeconds(6));
    driver.events.pipeInput(call, AssemblyDriver.ended(call));
    driver.advance(Duration.ofSeconds(6));
    List<Utterance> out = driver.drain().stream().filter(u -> u.getCallId().equals(call)).toList();

    List<TranscriptSegment> finals = steps.stream().filter(s -> s instanceof Transcript)
        .map(s -> ((Transcript) s).segment()).toList();
    assertThat(out).extracting(Utterance::getUtteranceId)
        .containsExactlyInAnyOrderElementsOf(finals.stream().map(TranscriptSegment::getUtteranceId).toList());
    Map<String, Utterance> byId = out.stream().collect(Collectors.toMap(Utterance::getUtteranceId, Function.identity()));
    for (TranscriptSegment seg : finals) {
      Utterance u = byId.get(seg.getUtteranceId());
      boolean covered = seg.getEndMs() <= audioEnd.get(seg.getChannel());
      long completedAt = covered ? completionWall(chunkWall.get(seg.getChannel()), seg) : Long.MAX_VALUE;
      long waited = completedAt - transcriptWall.get(seg.getUtteranceId());
      if (covered && waited < 5_000) {
        assertThat(u.getAudioCoverage()).as("%s covered after %d ms", seg.getUtteranceId(), waited)
            .isEqualTo(AudioCoverage.COMPLETE);
      }
      if (u.getAudioCoverage() == AudioCoverage.COMPLETE) {
        assertThat(samplesOf(u)).as(seg.getUtteranceId()).containsExactly(expected(seg.getStartMs(), seg.getEndMs()));
      }
    }
  }

  /** Wall time at which the last chunk overlapping the segment was piped. */
  private static long completionWall(List<long[]> chunks, TranscriptSegment seg) {
    long latest = Long.MIN_VALUE;
    for (long[] c : chunks) {
      if (c[1] > seg.getStartMs() && c[0] < seg.getEndMs()) {
        latest = Math.max(latest, c[2]);
      }
    }
    return latest;
  }
}
