## Время, часовые пояса и текущее состояние семинара.
## Длительность собирается приложением из одной-двух частей: time-days, time-hours, time-minutes.
## Формы стоят в именительном падеже, поэтому фразы с $duration построены через двоеточие.

# $count (Number) - whole days
time-days =
    { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
# $count (Number) - whole hours
time-hours =
    { $count ->
        [one] { $count } час
        [few] { $count } часа
        [many] { $count } часов
       *[other] { $count } часа
    }
# $count (Number) - whole minutes
time-minutes =
    { $count ->
        [one] { $count } минута
        [few] { $count } минуты
        [many] { $count } минут
       *[other] { $count } минуты
    }
time-less-than-minute = меньше минуты

# $duration (String) - e.g. "2 часа, 5 минут"
time-starts-in = До начала: { $duration }
time-soon = Скоро начало
# Ночью между двумя днями многодневного мероприятия.
time-resumes = Программа продолжится { $date }
time-live = Идёт сейчас
time-now-label = Сейчас
time-next-label = Далее
# $duration (String) - time left in the current session
time-left = Осталось: { $duration }
# $date (String) - the event date, already formatted, e.g. "5 декабря 2023 г."
time-past = Семинар состоялся { $date }
time-materials = Все материалы по-прежнему доступны в приложении.

time-your-label = Ваше время
time-zone-fallback = Не удалось определить часовой пояс компьютера; время указано в UTC.
time-next-day = на следующий день
time-previous-day = накануне

time-zone-label = Часовой пояс
time-zone-search = Поиск часового пояса
time-zone-use-computer = Использовать пояс компьютера
time-zone-region = Страны Алматинского процесса
time-zone-all = Все часовые пояса
# $zone (String) - IANA name; $offset (String) - e.g. "UTC+6", on the workshop's date
time-zone-current = Время указано по часовому поясу: { $place } ({ $zone }, { $offset }).
time-zone-current-id = Время указано по часовому поясу { $zone } ({ $offset }).
time-zone-from-computer = Это часовой пояс вашего компьютера.
time-zone-chosen = Этот часовой пояс выбран вами.
time-zone-list = Часовые пояса
# $query (String) - what the participant typed
time-zone-no-match = Нет часового пояса, подходящего под «{ $query }».
# $zone (String) - IANA name
time-zone-saved = Выбран часовой пояс { $zone }.
