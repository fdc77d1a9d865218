package fr.vivier.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Words no one else uses (« zorbqkfjwhex »): a test that puts one in its suppliers' names finds only its own. */
public final class UniqueWords {
    private UniqueWords() {
    }

    public static String next() {
        StringBuilder word = new StringBuilder("zorb");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
