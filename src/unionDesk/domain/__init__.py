"""Pure rules: validators, enums, membership history, pinyin keys. No Qt, no SQL."""
