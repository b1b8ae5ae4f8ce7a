package io.emostream.model.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.emostream.model.Modality;
import io.emostream.model.UtteranceInput;
import io.emostream.model.features.LogMelExtractor;
import io.emostream.model.features.LogMelFeatures;
import io.emostream.model.text.TextTokenizer;
import io.emostream.model.text.TokenizedText;
import io.emostream.model.text.cues.TextCueAnalyzer;
import io.emostream.model.text.cues.TextCues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns utterances into the {@link io.emostream.model.net.CrossModalEmotionNet} input tensors:
 * log-mel features and token ids, padded to the batch's longest with lengths beside them.
 *
 * <p>Audio is cut to {@code maxAudioSamples} before features, tokens to the tokenizer's maximum.
 * Features are computed per utterance (so normalisation statistics never see padding). Every
 * sequence axis is at least 1 long even when no utterance has that modality. Thread-safe if the
 * tokenizer is (both built-in ones are).
 */
public final class BatchEncoder {

  private final LogMelExtractor features;
  private final TextTokenizer tokenizer;
  private final int maxAudioSamples;
  private final TextCueAnalyzer cues;

  /** An encoder for a net without text cues. */
  public BatchEncoder(LogMelExtractor features, TextTokenizer tokenizer, int maxAudioSamples) {
    this(features, tokenizer, maxAudioSamples, null);
  }

  /**
   * An encoder whose arrays include {@link TextCues} from {@code cues} (the net's
   * {@code textCues = 1}), or not when {@code cues} is null.
   */
  public BatchEncoder(LogMelExtractor features, TextTokenizer tokenizer, int maxAudioSamples, TextCueAnalyzer cues) {
    this.features = features;
    this.tokenizer = tokenizer;
    this.maxAudioSamples = maxAudioSamples;
    this.cues = cues;
  }

  /**
   * One utterance after features and tokenization; {@code audio} is null without audio,
   * {@code cues} null when the net reads none.
   */
  public record Prepared(LogMelFeatures audio, TokenizedText text, TextCues cues) {

    /** Without text cues. */
    public Prepared(LogMelFeatures audio, TokenizedText text) {
      this(audio, text, null);
    }

    /** The same utterance with its text withheld. */
    public Prepared withoutText() {
      return new Prepared(audio, new TokenizedText(new int[0][]), cues == null ? null : TextCues.empty());
    }

    /** The same utterance with its audio withheld. */
    public Prepared withoutAudio() {
      return new Prepared(null, text, cues);
    }

    /** The modalities the network will actually see. */
    public Set<Modality> modalities() {
      Set<Modality> used = EnumSet.noneOf(Modality.class);
      if (audio != null) {
        used.add(Modality.AUDIO);
      }
      if (text.length() > 0) {
        used.add(Modality.TEXT);
      }
      return used;
    }
  }

  /** Features and tokens of one utterance (Java only, no native memory). */
  public Prepared prepare(UtteranceInput input) {
    LogMelFeatures mel = null;
    if (input.audio() != null) {
      float[] audio = input.audio();
      mel = features.extract(audio.length > maxAudioSamples ? Arrays.copyOf(audio, maxAudioSamples) : audio);
    }
    return prepare(mel, input.text());
  }

  /** Prepares already computed features (or none) with {@code text} (or none). */
  public Prepared prepare(LogMelFeatures mel, String text) {
    TokenizedText tokens = text == null ? new TokenizedText(new int[0][]) : tokenizer.encode(text);
    TextCues textCues = null;
    if (cues != null) {
      textCues = text == null ? TextCues.empty() : cues.analyze(text, tokens.length());
    }
    return new Prepared(mel, tokens, textCues);
  }

  /** The feature extractor (the trainer renders augmented audio through it). */
  public LogMelExtractor features() {
    return features;
  }

  /** Prepares every input, in order. */
  public List<Prepared> prepare(List<UtteranceInput> inputs) {
    if (inputs.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
      List<Prepared> out = new ArrayList<>(inputs.size());
      for (UtteranceInput input : inputs) {
        out.add(prepare(input));
      }
      return out;
    }
    // A batch's features are independent and cost about as much CPU as its forward pass: preparing
    // them on the common pool while the caller's thread takes its share uses the other cores,
    // which the forward pass will use next anyway. Order is kept.
    return inputs.parallelStream().map(this::prepare).toList();
  }

  /**
   * The net's five input arrays, created in {@code manager}: features, featureLengths,
   * tokenIds, pieceMask, tokenLengths.
   */
  public NDList toArrays(List<Prepared> batch, NDManager manager) {
    int b = batch.size();
    int bins = features.config().melBins();
    int frames = 1;
    int tokens = 1;
    int pieces = 1;
    for (Prepared p : batch) {
      if (p.audio() != null) {
        frames = Math.max(frames, p.audio().frames());
      }
      tokens = Math.max(tokens, p.text().length());
      pieces = Math.max(pieces, p.text().maxPieces());
    }
    float[] mel = new float[b * frames * bins];
    float[] melLengths = new float[b];
    long[] ids = new long[b * tokens * pieces];
    float[] pieceMask = new float[b * tokens * pieces];
    float[] tokenLengths = new float[b];
    for (int i = 0; i < b; i++) {
      Prepared p = batch.get(i);
      if (p.audio() != null) {
        System.arraycopy(p.audio().values(), 0, mel, i * frames * bins, p.audio().values().length);
        melLengths[i] = p.audio().frames();
      }
      int[][] rows = p.text().pieces();
      tokenLengths[i] = rows.length;
      for (int t = 0; t < rows.length; t++) {
        int base = (i * tokens + t) * pieces;
        for (int k = 0; k < rows[t].length; k++) {
          ids[base + k] = rows[t][k];
          pieceMask[base + k] = 1f;
        }
      }
    }
    NDList arrays = new NDList(
        manager.create(mel, new Shape(b, frames, bins)),
        manager.create(melLengths, new Shape(b)),
        manager.create(ids, new Shape(b, tokens, pieces)),
        manager.create(pieceMask, new Shape(b, tokens, pieces)),
        manager.create(tokenLengths, new Shape(b)));
    if (cues != null) {
      addCues(batch, tokens, arrays, manager);
    }
    return arrays;
  }

  private static void addCues(List<Prepared> batch, int tokens, NDList arrays, NDManager manager) {
    int b = batch.size();
    float[] tokenCues = new float[b * tokens * TextCues.TOKEN_DIMS];
    float[] sentenceCues = new float[b * TextCues.SENTENCE_DIMS];
    for (int i = 0; i < b; i++) {
      TextCues c = batch.get(i).cues();
      if (c == null) {
        continue;
      }
      // cue rows follow words; a tokenizer whose tokens are not words may have fewer rows
      int rows = Math.min(c.tokens().length, batch.get(i).text().length());
      for (int t = 0; t < rows; t++) {
        System.arraycopy(c.tokens()[t], 0, tokenCues, (i * tokens + t) * TextCues.TOKEN_DIMS, TextCues.TOKEN_DIMS);
      }
      System.arraycopy(c.sentence(), 0, sentenceCues, i * TextCues.SENTENCE_DIMS, TextCues.SENTENCE_DIMS);
    }
    arrays.add(manager.create(tokenCues, new Shape(b, tokens, TextCues.TOKEN_DIMS)));
    arrays.add(manager.create(sentenceCues, new Shape(b, TextCues.SENTENCE_DIMS)));
  }
}
