package io.emostream.model.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a synthetic corpus, written to {@code corpus.json}.
 *
 * @param name           corpus name ({@code emostream-synth})
 * @param version        corpus format version
 * @param tool           the tool and its version that made it
 * @param date           ISO-8601 date of generation
 * @param seed           the seed it is reproducible from
 * @param utterances     number of utterances
 * @param sampleRate     WAV sample rate
 * @param conflictShare  requested share of conflicting items
 * @param asrNoiseShare  requested share of noisy transcripts
 * @param espeakVersion  espeak-ng version used
 * @param soxVersion     sox version used
 * @param labellingRule  how conflicting items are labelled
 * @param lexicon        the lexicon the sentence bank is checked against
 * @param counts         utterances per split and label
 * @param conflicting    conflicting utterances per split
 * @param asrNoise       noisy transcripts per split
 * @param speakers       speaker ids per split
 * @param totalSeconds   summed audio length
 * @param otherShare     requested share of festival and flite utterances
 * @param festivalVersion festival version used (absent when festival was not used)
 * @param fliteVersion   flite version used (absent when flite was not used)
 * @param synthesizers   utterances per split and synthesiser
 * @param noiseFloor     whether the planned noise floors were added to the WAVs
 */
@JsonPropertyOrder({"name", "version", "tool", "date", "seed", "utterances", "sampleRate", "conflictShare",
    "asrNoiseShare", "espeakVersion", "soxVersion", "labellingRule", "lexicon", "counts", "conflicting", "asrNoise",
    "speakers", "totalSeconds", "otherShare", "festivalVersion", "fliteVersion", "synthesizers", "noiseFloor"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorpusInfo(String name, String version, String tool, String date, long seed, int utterances,
    int sampleRate, double conflictShare, double asrNoiseShare, String espeakVersion, String soxVersion,
    String labellingRule, String lexicon, Map<String, Map<String, Integer>> counts, Map<String, Integer> conflicting,
    Map<String, Integer> asrNoise, Map<String, List<String>> speakers, double totalSeconds, double otherShare,
    String festivalVersion, String fliteVersion, Map<String, Map<String, Integer>> synthesizers, boolean noiseFloor) {}
