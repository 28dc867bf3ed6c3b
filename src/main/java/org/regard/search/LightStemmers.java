package org.regard.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Light stemming of one lower-case word in French, German and English, by the analysis filters of the search
 * library: plurals and common inflections come off ({@code imprimantes → imprimant}, {@code Rechnungen → rechnung}),
 * nothing more aggressive, so that stems rarely join unrelated words. The analyzers are thread-safe.
 */
final class LightStemmers {
    private static final Analyzer FRENCH = single(FrenchLightStemFilter::new);
    private static final Analyzer GERMAN = single(GermanLightStemFilter::new);
    private static final Analyzer ENGLISH = single(EnglishMinimalStemFilter::new);

    private LightStemmers() {
    }

    static String french(String word) {
        return stem(FRENCH, word);
    }

    static String german(String word) {
        return stem(GERMAN, word);
    }

    static String english(String word) {
        return stem(ENGLISH, word);
    }

    private static Analyzer single(Function<TokenStream, TokenFilter> filter) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, filter.apply(source));
            }
        };
    }

    private static String stem(Analyzer analyzer, String word) {
        try (TokenStream stream = analyzer.tokenStream("w", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
