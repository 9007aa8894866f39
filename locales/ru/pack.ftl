# Пакеты мероприятий: почему пакет нельзя открыть или установить (gcm-workshop open, pack check, окно «Открыть»).
pack-error-not-a-pack = Этот файл не является пакетом мероприятия либо повреждён или неполон ({ $detail }).
pack-error-unexpected-entry = В пакете мероприятия есть недопустимое содержимое ({ $name }). Пакет не открыт.
pack-error-unsigned = Пакет мероприятия не подписан, поэтому его происхождение проверить нельзя. Запросите у организаторов подписанный пакет.
pack-error-bad-signature-file = Не удаётся прочитать подпись пакета мероприятия ({ $detail }).
pack-error-unknown-key = Пакет мероприятия подписан ключом { $key }, которому этот компьютер не доверяет. Добавляйте ключ организаторов, только если получили его от них по надёжному каналу.
pack-error-bad-signature = Пакет мероприятия был изменён после подписания ключом { $key }. Пакет не открыт.
pack-error-bad-key = Это не открытый ключ minisign ({ $detail }).
pack-error-unsafe-entry = В пакете мероприятия есть небезопасный элемент «{ $name }» (путь за пределы пакета, ссылка или шифрование). Пакет не открыт.
pack-error-duplicate-entry = В пакете мероприятия элемент «{ $name }» встречается дважды. Пакет не открыт.
pack-error-too-large = Пакет мероприятия слишком велик: { $what } — больше предела { $limit }.
pack-error-not-utf8 = Файл { $file } в пакете мероприятия не является текстом в кодировке UTF-8.
pack-error-invalid = В пакете мероприятия есть ошибки ({ $count }), например: { $first }
pack-error-builtin-id = Пакет выдаёт себя за встроенный семинар «{ $id }», но подписан ключом { $key }, а не ключом организаторов, поставляемым с приложением.
pack-error-older = Уже установлена более новая версия этого семинара ({ $installed }); этот пакет — версия { $offered }.

# gcm-workshop open, trust, events
pack-installed = Установлено: «{ $title }» ({ $date }), версия { $version }.
pack-upgraded = Обновлено: «{ $title }» ({ $date }), версия { $from } → { $version }.
pack-changes-label = Изменения:
pack-same = «{ $title }» версии { $version } уже установлено; ничего не изменилось.
pack-signed-by = Подписано ключом { $key } ({ $source }).
pack-key-source-builtin = ключ, поставляемый с приложением
pack-key-source-machine = ключ, установленный на этот компьютер администраторами
pack-key-source-user = ключ, добавленный вами
pack-change-event-moved = Мероприятие теперь проходит { $date }, { $start }–{ $end }.
pack-change-item-added = Новое в программе: { $item }
pack-change-item-removed = Исключено из программы: { $item }
pack-change-item-moved = Перенесено: { $item }, теперь { $start }–{ $end }
pack-change-speaker-confirmed = Подтверждено: { $speaker } ({ $item })
pack-change-speaker-added = Новый выступающий: { $speaker } ({ $item })
pack-change-speaker-removed = Больше не выступает: { $speaker } ({ $item })
pack-change-meeting = Ссылка на встречу изменилась.
trust-added = Ключу { $key } теперь доверяется подпись пакетов мероприятий на этом компьютере.
trust-fingerprint = Открытый ключ: { $fingerprint }
trust-warning = Добавляйте только ключ, полученный от организаторов по надёжному каналу, и проверьте, что ключ выше совпадает с опубликованным ими.
events-status-upcoming = предстоит
events-status-now = идёт сейчас
events-status-past = прошло

# Окно: раздел «Семинары» и доверенные ключи в настройках
nav-events = Семинары
events-title = Семинары и тренинги
events-intro = Мероприятия в этом приложении. Чтобы добавить новое, откройте пакет мероприятия (файл .gcmpack), присланный организаторами: он откроется, только если подписан ключом, которому доверяет этот компьютер.
events-open = Открыть пакет мероприятия…
events-show = Показать это мероприятие
    .aria-label = Показать «{ $title }»
events-shown = Показывается сейчас
events-builtin = Встроено в приложение
events-opened-heading = Пакет мероприятия открыт
events-changes-heading = Что изменилось
events-show-opened = Показать это мероприятие
trust-heading = Ключи, которым доверяется подпись пакетов мероприятий
trust-intro = Пакет мероприятия открывается, только если подписан одним из этих ключей: поставляемым с приложением, установленным администраторами или добавленным вами.
trust-none = Ключей пока нет. Добавьте ключ организаторов, когда они его пришлют.
trust-pick = Добавить ключ…
trust-confirm-heading = Доверять этому ключу?
trust-key-id = Идентификатор ключа:
trust-key-public = Открытый ключ:
trust-confirm = Доверять этому ключу
trust-cancel = Отмена
# An event pack opened at launch: what happened, worded by the app in each language (`Notice::worded`).
notice-pack = { $text }
