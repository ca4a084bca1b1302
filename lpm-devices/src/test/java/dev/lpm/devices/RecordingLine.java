package dev.lpm.devices;

import dev.lpm.api.InterruptLine;

/** An interrupt line that remembers its level and how often it was driven. */
public final class RecordingLine implements InterruptLine {
    private volatile boolean level;
    private volatile int sets;

    @Override
    public void set(boolean level) {
        this.level = level;
        sets++;
    }

    public boolean level() {
        return level;
    }

    public int sets() {
        return sets;
    }

    public static RecordingLine[] array(int n) {
        RecordingLine[] lines = new RecordingLine[n];
        for (int i = 0; i < n; i++) {
            lines[i] = new RecordingLine();
        }
        return lines;
    }
}
