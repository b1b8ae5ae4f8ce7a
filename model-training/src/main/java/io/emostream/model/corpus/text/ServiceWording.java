package io.emostream.model.corpus.text;

import io.emostream.model.data.ValenceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Calm customer-service wording, written here for the purpose: what callers and agents say on
 * ordinary calls about bills, accounts, orders and faults, including calm reports of a problem
 * ("the reference number doesn't match"). Labelled NEUTRAL.
 *
 * <p>Why: the sentence bank of the synthetic corpus says "bill", "charge", "account" and "pin"
 * mostly in angry lines, and real review sentences say them rarely, so a text encoder trained on
 * both learns that the topic is the emotion and calls a calm "my bill looks wrong" ANGRY with
 * high confidence. These lines put the same topical words into neutral sentences, so only words of
 * feeling ("ridiculous", "sick of") and intensity decide. They are generated from templates, not
 * real recorded speech; the real-material evaluation never reads them.
 */
public final class ServiceWording {

  /** Every line's id starts with this. */
  public static final String ID_PREFIX = "service-";

  private static final String[] THINGS = {"bill", "account", "statement", "direct debit", "meter reading",
      "tariff", "contract", "router", "pin", "password", "order", "delivery", "parcel", "refund", "payment",
      "invoice", "phone line", "broadband", "booking", "policy", "card", "balance", "subscription",
      "appointment", "reference number", "postcode", "address", "login", "voucher", "receipt"};
  private static final String[] ASKS = {"I'd like to check my %s", "I'm calling about my %s",
      "can you help me with my %s", "I wanted to ask about the %s", "I need to update my %s",
      "could you look at my %s for me", "I have a question about the %s", "I'm phoning to change my %s",
      "can I ask about the %s on my account", "I'd just like to confirm my %s", "it's about the %s",
      "I was hoping to sort out my %s today", "could you tell me when the %s is due",
      "I'm ringing about the %s you sent", "I need some help with the %s"};
  private static final String[] PROBLEMS = {"the %s doesn't match what I have here",
      "I think the %s might be wrong", "the %s looks different from last month", "it says the %s is invalid",
      "the %s isn't showing on my side yet", "I don't think the %s has gone through",
      "the %s seems to be out of date", "the %s on the letter is different", "my %s says something else",
      "the %s hasn't arrived yet", "I can't find the %s anywhere", "the %s has the wrong name on it",
      "the website won't accept my %s", "the %s looks a bit higher than usual", "the %s is showing twice"};
  private static final String[] AGENT = {"let me bring up your %s", "I can see the %s here",
      "I'll check the %s for you now", "I've updated the %s on the system", "the %s is correct now",
      "I'll send you a new %s by text", "could you confirm the %s please", "I've made a note on the %s",
      "the %s should be with you in three to five days", "I can reset the %s for you",
      "I'll just check the %s against our records", "your %s has been changed"};
  private static final String[] PLAIN = {"okay", "yes, that's right", "no, that's all, thanks",
      "sure, one moment", "thanks, bye", "alright, I'll wait", "can you repeat that please", "yes please",
      "okay, go ahead", "that's fine", "I see", "hold on, let me find it", "it's on the letter somewhere",
      "no problem", "yes, I'm still here", "sorry, I didn't catch that", "that makes sense", "right, okay then",
      "it's four seven one two", "my postcode is on the form", "I'll leave it as it is for now",
      "is there anything else you need from me", "how long will that take", "when will I hear back",
      "do I need to do anything else", "could you spell that for me", "I'll check and call back"};
  private static final String[] OPENERS = {"", "hi, ", "hello, ", "yes, ", "okay, ", "so, ", "also, ",
      "and ", "right, ", "um, "};

  private ServiceWording() {}

  /** {@code count} distinct lines (fewer if the templates run out), reproducible from {@code seed}. */
  public static List<ValenceText> lines(int count, long seed) {
    Random random = new Random(seed);
    Set<String> seen = new LinkedHashSet<>();
    for (String plain : PLAIN) {
      seen.add(plain);
    }
    String[][] families = {ASKS, PROBLEMS, AGENT};
    int attempts = 0;
    while (seen.size() < count && attempts++ < count * 20) {
      String[] family = families[random.nextInt(families.length)];
      String line = OPENERS[random.nextInt(OPENERS.length)]
          + String.format(family[random.nextInt(family.length)], THINGS[random.nextInt(THINGS.length)]);
      seen.add(line);
    }
    List<ValenceText> out = new ArrayList<>(seen.size());
    int i = 0;
    for (String line : seen) {
      if (out.size() == count) {
        break;
      }
      out.add(new ValenceText(ID_PREFIX + i++, line, 0, "emostream service wording (written, neutral)"));
    }
    return List.copyOf(out);
  }
}
