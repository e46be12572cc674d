"""The member register: list page, member form, membership changes and its table model."""
