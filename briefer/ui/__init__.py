"""All of Qt: main window, timeline, panels, dialogs and Qt models over the store."""
