# How the app looks and prints: colour scheme, text size (Settings) and the Print buttons.

settings-theme = Colour scheme
settings-theme-system = Same as my computer
settings-theme-light = Light
settings-theme-dark = Dark
settings-text-size = Text size
# Variables:
#   $percent (Number) - the text size in percent of normal, 80 to 200.
settings-text-size-value = Text size: { $percent }%
settings-text-smaller = Smaller
settings-text-larger = Larger
settings-text-reset = Normal size
settings-text-hint = Shortcuts: Ctrl and plus, Ctrl and minus, Ctrl and 0 for normal size.

## Print buttons (the printout has no navigation or buttons)

print-agenda = Print the agenda
print-concept = Print the concept note
