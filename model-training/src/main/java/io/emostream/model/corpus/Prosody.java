package io.emostream.model.corpus;

/**
 * The acoustic rendering of one utterance: what espeak-ng is told to do (written to the manifest so
 * every WAV can be explained and regenerated).
 *
 * @param pitchLowHz  base pitch of the voice variant (espeak {@code pitch} first value)
 * @param pitchHighHz top of the pitch range (second value); close to the base means monotone
 * @param rateWpm     speaking rate in words per minute ({@code -s})
 * @param amplitude   espeak amplitude ({@code -a}; 100 is espeak's default loudness, above it speech clips)
 * @param wordGapMs   extra silence between words ({@code -g}, in 10 ms steps)
 * @param pauseMs     silence inserted at commas and between sentences (SSML breaks)
 * @param roughness   creakiness 0..7 (variant {@code roughness})
 * @param flutter     pitch wavering (variant {@code flutter})
 * @param breath      breath noise level on the formants, 0 = none (variant {@code breath})
 * @param voicing     strength of voiced sounds in percent (variant {@code voicing})
 * @param consonants  strength of consonant noise in percent (variant {@code consonants})
 * @param brightness  high-frequency emphasis of voiced sounds in percent of espeak's default (variant
 *                    {@code tone}): vocal effort makes speech brighter, sadness duller
 * @param noiseDbfs   level of the added line noise in dB relative to full scale
 */
public record Prosody(int pitchLowHz, int pitchHighHz, int rateWpm, int amplitude, int wordGapMs, int pauseMs,
    int roughness, int flutter, int breath, int voicing, int consonants, int brightness, double noiseDbfs) {}
