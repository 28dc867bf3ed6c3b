package org.regard.bench;

import java.util.SplittableRandom;

/** Synthetic names in the four languages the desk serves. */
final class Names {
    private static final String[][] FIRST = {
            {"Alice", "Ben", "Chloe", "Daniel", "Emily", "Frank", "Grace", "Harry", "Isla", "Jack", "Kate", "Liam"},
            {"Amélie", "Bastien", "Céline", "Damien", "Élise", "François", "Gaëlle", "Hugo", "Inès", "Jérôme", "Léa", "Noël"},
            {"Anna", "Bernd", "Clara", "Dieter", "Elke", "Fritz", "Greta", "Jörg", "Käthe", "Lutz", "Marta", "Süleyman"},
            {"An", "Bảo", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Khánh", "Lan", "Minh", "Ngọc", "Thảo"}};
    private static final String[][] LAST = {
            {"Adams", "Brown", "Carter", "Davies", "Evans", "Foster", "Green", "Hughes", "Irving", "Jones", "King", "Lewis"},
            {"Arnaud", "Bérard", "Chevalier", "Durand", "Énard", "Faucher", "Girard", "Héraud", "Joly", "Lefèbvre", "Mercier", "Noël"},
            {"Albers", "Böhm", "Claßen", "Dreher", "Engel", "Fuchs", "Gärtner", "Hahn", "Jäger", "Krämer", "Lang", "Möller"},
            {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"}};

    private Names() {
    }

    static String customer(String language, SplittableRandom random) {
        int l = switch (language) {
            case "fr" -> 1;
            case "de" -> 2;
            case "vi" -> 3;
            default -> 0;
        };
        String first = FIRST[l][random.nextInt(FIRST[l].length)];
        String last = LAST[l][random.nextInt(LAST[l].length)];
        return l == 3 ? last + " " + (random.nextBoolean() ? "Văn " : "Thị ") + first : first + " " + last;
    }

    static String agent(int n) {
        int l = n % 4;
        return FIRST[l][n % FIRST[l].length] + " " + LAST[l][(n / 4) % LAST[l].length];
    }
}
