# Пакеты мероприятий: почему пакет нельзя открыть или установить (gcm-workshop open, pack check, окно «Открыть»).
pack-error-not-a-pack = Этот файл не является пакетом мероприятия. Пакет мероприятия — это файл .gcmpack, подготовленный организаторами.
pack-error-unexpected-entry = В пакете мероприятия есть недопустимое содержимое ({ $name }). Пакет не открыт.
pack-error-unsigned = Пакет мероприятия не подписан, поэтому его происхождение проверить нельзя. Запросите у организаторов подписанный пакет.
pack-error-bad-signature-file = Не удаётся прочитать подпись пакета мероприятия ({ $detail }).
pack-error-unknown-key = Пакет мероприятия подписан ключом { $key }, которому этот компьютер не доверяет. Если организаторы передали вам свой ключ (файл .pub) по надёжному каналу, добавьте его в настройках («Добавить ключ…») или командой: gcm-workshop trust add KEY.pub
pack-error-bad-signature = Пакет мероприятия был изменён после подписания ключом { $key }. Пакет не открыт.
pack-error-bad-key = Этот файл не является открытым ключом minisign. Открытый ключ организаторов — небольшой текстовый файл с расширением .pub.
pack-error-unsafe-entry = В пакете мероприятия есть небезопасный элемент «{ $name }» (путь за пределы пакета, ссылка или шифрование). Пакет не открыт.
pack-error-duplicate-entry = В пакете мероприятия элемент «{ $name }» встречается дважды. Пакет не открыт.
pack-error-too-large = Пакет мероприятия слишком велик: { $what } — больше предела { $limit }.
pack-error-not-utf8 = Файл { $file } в пакете мероприятия не является текстом в кодировке UTF-8.
pack-error-invalid = { $count ->
        [one] В пакете мероприятия { $count } ошибка: { $first }
        [few] В пакете мероприятия { $count } ошибки, например: { $first }
       *[many] В пакете мероприятия { $count } ошибок, например: { $first }
    }
pack-error-builtin-id = Пакет выдаёт себя за встроенный семинар «{ $id }», но подписан ключом { $key }, а не ключом организаторов, поставляемым с приложением.
pack-error-older = Уже установлена более новая версия этого мероприятия ({ $installed }); этот пакет — версия { $offered }.
pack-error-signer-changed = Это мероприятие установлено с подписью ключом { $installed }, а этот пакет подписан другим ключом, { $key }, поэтому он не установлен. Обратитесь к организаторам: обновление подписывается тем же ключом.

# gcm-workshop open, trust, events
pack-installed = Установлено: «{ $title }» ({ $date }), версия { $version }.
pack-upgraded = Обновлено: «{ $title }» ({ $date }), версия { $from } → { $version }.
pack-changes-label = Изменения:
pack-same = Версия { $version } мероприятия «{ $title }» уже установлена; ничего не изменилось.
pack-signed-by = Подписано ключом { $key } ({ $source }).
pack-key-source-builtin = ключ, поставляемый с приложением
pack-key-source-machine = ключ, установленный на этот компьютер администраторами
pack-key-source-user = ключ, добавленный вами
pack-change-event-moved = Мероприятие теперь проходит { $date }, { $start }–{ $end }.
pack-change-item-added = Новое в программе: { $item }
pack-change-item-removed = Исключено из программы: { $item }
pack-change-item-moved = Перенесено: { $item }, теперь { $when }
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

# Пакеты мероприятий: другие причины
pack-error-not-found = Файл не найден. Проверьте его имя и папку.
pack-error-unreadable = Не удаётся прочитать файл ({ $detail }).
pack-error-damaged = Пакет мероприятия повреждён или неполон: возможно, он был обрезан при загрузке или сохранении. Попросите организаторов прислать его ещё раз.
pack-error-secret-key = Это секретный ключ, который должен оставаться у организаторов. Добавьте вместо него их открытый ключ (файл .pub).
pack-error-public-key = Это открытый ключ. Для подписи нужен секретный ключ, созданный командой «minisign -G» (minisign.key).
pack-change-event-moved-days = Мероприятие теперь проходит с { $date } по { $end_date }, { $start }–{ $end }.
pack-change-item-shortened = Сокращено: { $item }, теперь { $when }
pack-change-item-lengthened = Продлено: { $item }, теперь { $when }
pack-change-item-rescheduled = Новое время: { $item }, теперь { $when }
trust-already = Ключу { $key } уже доверяется на этом компьютере ({ $source }); ничего не изменилось.
trust-none-cli = Доверенных ключей пока нет. Чтобы добавить ключ организаторов (присланный ими файл .pub): gcm-workshop trust add KEY.pub

# gcm-workshop pack check и pack build (для организаторов)
pack-check-problems = { $count ->
        [one] В пакете { $count } ошибка (см. выше).
        [few] В пакете { $count } ошибки (см. выше).
       *[many] В пакете { $count } ошибок (см. выше).
    }
pack-build-out-name = «{ $out }» — не папка и не файл .gcmpack. Укажите папку (с / в конце) или имя файла, например { $name }.
pack-build-not-a-folder = Команде «pack build» нужна исходная папка пакета (event.json и папка locales), а не файл. Проверить готовый файл .gcmpack можно командой «pack check».
pack-sign-unreadable = Не удаётся прочитать файл ключа.
pack-sign-public-key = Это открытый ключ (.pub). Подписывайте секретным ключом, созданным командой «minisign -G» (minisign.key).
pack-sign-not-a-key = Это не секретный ключ minisign. Создайте его командой «minisign -G».
pack-sign-password-needed = Ключ защищён паролем, а терминала, чтобы его запросить, нет. Задайте переменную окружения MINISIGN_PASSWORD.
pack-sign-wrong-password = Пароль не подходит к этому ключу.
