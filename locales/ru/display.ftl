# Внешний вид и печать: цветовая схема, размер текста (Настройки) и кнопки «Печать».

settings-theme = Цветовая схема
settings-theme-system = Как на компьютере
settings-theme-light = Светлая
settings-theme-dark = Тёмная
settings-text-size = Размер текста
settings-text-size-value = Размер текста: { $percent } %
settings-text-smaller = Мельче
settings-text-larger = Крупнее
settings-text-reset = Обычный размер
settings-text-hint = Сочетания клавиш: Ctrl и плюс, Ctrl и минус, Ctrl и 0 — обычный размер.

## Кнопки печати (на распечатке нет меню и кнопок)

print-agenda = Распечатать программу
print-concept = Распечатать концептуальную записку
