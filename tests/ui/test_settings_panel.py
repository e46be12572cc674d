"""The administrator's settings panel saves the idle time and the backup rotation."""

from unionDesk.domain.retention import Retention
from unionDesk.services.backups import read_retention
from unionDesk.services.settings import read_idle_minutes
from unionDesk.ui.settings_panel import AdminSettingsPanel


def test_saving_the_panel_stores_idle_time_and_rotation(qtbot, ctx):
    panel = AdminSettingsPanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitSignal(
        panel.loaded, timeout=5000
    ).wait() if panel.idle_minutes.value() != 10 else None
    qtbot.waitUntil(lambda: panel.idle_minutes.value() == 10, timeout=5000)
    panel.idle_minutes.setValue(5)
    panel.keep_daily.setValue(3)
    with qtbot.waitSignal(panel.idle_minutes_changed, timeout=5000) as changed:
        panel.save_button.click()
    assert changed.args == [5]
    assert read_idle_minutes(ctx.db) == 5
    assert read_retention(ctx.db) == Retention(3, 4, 12)
