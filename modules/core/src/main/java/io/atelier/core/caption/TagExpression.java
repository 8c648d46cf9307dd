package io.atelier.core.caption;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A filter over captions: tags combined with {@code AND}, {@code OR}, {@code NOT} and parentheses, e.g.
 * {@code blue eyes AND NOT (1boy OR "black and white")}. Tags may contain spaces: the words between operators make
 * one tag. Operators are upper case (so "black and white" stays a tag), or {@code & | !}; a comma means AND;
 * quotes take a tag literally. Tags match case-insensitively. Precedence: NOT, then AND, then OR.
 */
public final class TagExpression {

    private final Predicate<Set<String>> test;
    private final String source;

    private TagExpression(Predicate<Set<String>> test, String source) {
        this.test = test;
        this.source = source;
    }

    /**
     * @throws IllegalArgumentException naming the position and the problem, e.g. "missing ')' at 14"
     */
    public static TagExpression parse(String text) {
        Parser parser = new Parser(tokens(text));
        Predicate<Set<String>> p = parser.or();
        if (parser.hasMore()) {
            Token t = parser.peek();
            throw new IllegalArgumentException("unexpected " + t.describe() + " at " + (t.position() + 1));
        }
        return new TagExpression(p, text);
    }

    public boolean matches(Collection<String> tags) {
        Set<String> lower = new HashSet<>();
        for (String t : tags) {
            lower.add(t.toLowerCase(Locale.ROOT));
        }
        return test.test(lower);
    }

    @Override
    public String toString() {
        return source;
    }

    // ------------------------------------------------------------------ tokens

    private enum Kind { TAG, AND, OR, NOT, OPEN, CLOSE }

    private record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.TAG ? "tag \"" + text + "\"" : "'" + text + "'";
        }
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        StringBuilder words = new StringBuilder();
        int wordsStart = -1;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            Kind op = i == text.length() ? null : switch (c) {
                case '(' -> Kind.OPEN;
                case ')' -> Kind.CLOSE;
                case '&', ',' -> Kind.AND;
                case '|' -> Kind.OR;
                case '!' -> Kind.NOT;
                default -> null;
            };
            if (i == text.length() || op != null || c == '"') {
                flushWords(tokens, words, wordsStart);
                wordsStart = -1;
                if (i == text.length()) {
                    break;
                }
                if (c == '"') {
                    int end = text.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("missing closing quote for the one at " + (i + 1));
                    }
                    tokens.add(new Token(Kind.TAG, Tags.normalise(text.substring(i + 1, end)), i));
                    i = end + 1;
                    continue;
                }
                tokens.add(new Token(op, String.valueOf(c), i));
                i++;
                continue;
            }
            // a word: an operator keyword, or part of a tag
            if (Character.isWhitespace(c)) {
                words.append(' ');
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "()&|!,\"".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String word = text.substring(i, end);
            Kind keyword = switch (word) {
                case "AND" -> Kind.AND;
                case "OR" -> Kind.OR;
                case "NOT" -> Kind.NOT;
                default -> null;
            };
            if (keyword != null) {
                flushWords(tokens, words, wordsStart);
                wordsStart = -1;
                tokens.add(new Token(keyword, word, i));
            } else {
                if (wordsStart < 0) {
                    wordsStart = i;
                }
                words.append(word);
            }
            i = end;
        }
        return tokens;
    }

    private static void flushWords(List<Token> tokens, StringBuilder words, int start) {
        String tag = Tags.normalise(words.toString());
        if (!tag.isEmpty()) {
            tokens.add(new Token(Kind.TAG, tag, start));
        }
        words.setLength(0);
    }

    // ------------------------------------------------------------------ grammar

    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean hasMore() {
            return next < tokens.size();
        }

        Token peek() {
            return tokens.get(next);
        }

        private boolean accept(Kind kind) {
            if (hasMore() && peek().kind() == kind) {
                next++;
                return true;
            }
            return false;
        }

        Predicate<Set<String>> or() {
            Predicate<Set<String>> left = and();
            while (accept(Kind.OR)) {
                left = left.or(and());
            }
            return left;
        }

        Predicate<Set<String>> and() {
            Predicate<Set<String>> left = not();
            while (accept(Kind.AND)) {
                left = left.and(not());
            }
            return left;
        }

        Predicate<Set<String>> not() {
            if (accept(Kind.NOT)) {
                return not().negate();
            }
            return atom();
        }

        Predicate<Set<String>> atom() {
            if (!hasMore()) {
                throw new IllegalArgumentException(tokens.isEmpty() ? "the expression is empty"
                        : "a tag is missing at the end");
            }
            Token t = tokens.get(next++);
            if (t.kind() == Kind.TAG) {
                String tag = t.text().toLowerCase(Locale.ROOT);
                return tags -> tags.contains(tag);
            }
            if (t.kind() == Kind.OPEN) {
                Predicate<Set<String>> inner = or();
                if (!accept(Kind.CLOSE)) {
                    throw new IllegalArgumentException("missing ')' for the '(' at " + (t.position() + 1));
                }
                return inner;
            }
            throw new IllegalArgumentException("a tag is missing before " + t.describe() + " at " + (t.position() + 1));
        }
    }
}
