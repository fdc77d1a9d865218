package fr.vivier.meetings;

/** What the attendance sheet says of a registration on the day. */
public enum Attendance {
    PRESENT("Présent"),
    ABSENT("Absent");

    private final String label;

    Attendance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
