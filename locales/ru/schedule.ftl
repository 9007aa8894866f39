## Экспорт в календарь, напоминания на рабочем столе и программа в командной строке.

schedule-speakers-heading = Выступающие

## Экспорт в календарь (.ics): кнопки в окне и тексты записей календаря

calendar-add = Добавить в календарь
calendar-add-event = Добавить семинар в мой календарь
# $path (String) - where the file was saved
calendar-saved = Файл календаря сохранён: { $path }
# Одна строка об организаторах, например «Организатор: Алматинский процесс, …».
calendar-organiser = { overview-held-by-label }: { overview-held-by }
# Заголовок списка выступающих в записи календаря для пункта программы.
calendar-speakers = { schedule-speakers-heading }:

## Напоминания: настройки и уведомления на рабочем столе

reminders-legend = Напоминания
reminders-enable = Напоминать перед началом семинара и перед каждой сессией
reminders-minutes = Когда напоминать
# $minutes (Number) - 5, 10, 15 or 30
reminders-minutes-option =
    { $minutes ->
        [one] за { $minutes } минуту
        [few] за { $minutes } минуты
        [many] за { $minutes } минут
       *[other] за { $minutes } минуты
    }
reminders-note = Напоминания появляются как уведомления на рабочем столе, пока приложение открыто. О том, что уже прошло, приложение не напоминает.
reminders-saved-on = Напоминания включены.
reminders-saved-off = Напоминания выключены.
# $minutes (Number) - minutes left; $time (String) - e.g. "12:00"
reminder-event =
    { $minutes ->
        [one] Семинар начнётся через { $minutes } минуту, в { $time } по вашему времени.
        [few] Семинар начнётся через { $minutes } минуты, в { $time } по вашему времени.
        [many] Семинар начнётся через { $minutes } минут, в { $time } по вашему времени.
       *[other] Семинар начнётся через { $minutes } минуты, в { $time } по вашему времени.
    }
# Заголовок уведомления — название сессии. Переменные как в reminder-event.
reminder-item =
    { $minutes ->
        [one] Начнётся через { $minutes } минуту, в { $time } по вашему времени.
        [few] Начнётся через { $minutes } минуты, в { $time } по вашему времени.
        [many] Начнётся через { $minutes } минут, в { $time } по вашему времени.
       *[other] Начнётся через { $minutes } минуты, в { $time } по вашему времени.
    }
