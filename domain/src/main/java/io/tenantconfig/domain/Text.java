package io.tenantconfig.domain;

/** Character rules shared by the value objects. */
final class Text {

    private Text() {}

    /** True when every character is printable ASCII or a printable non-ASCII letter, no controls. */
    static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
