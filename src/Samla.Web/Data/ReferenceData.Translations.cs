namespace Samla.Web.Data;

public static partial class ReferenceData
{
    /// <summary>The UI languages beyond Swedish and English, in the order of <see cref="TermTranslations"/>' arrays.</summary>
    private static readonly string[] OtherUiLanguages = ["ar", "prs", "ti", "so", "uk"];

    /// <summary>Term names in Arabic, Dari, Tigrinya, Somali and Ukrainian, keyed "taxonomy/code".</summary>
    private static readonly Dictionary<string, string[]> TermTranslations = new(StringComparer.Ordinal)
    {
        [$"{TargetGroups}/refugees"] = ["لاجئون", "پناهندگان", "ስደተኛታት", "Qaxooti", "Біженці"],
        [$"{TargetGroups}/newly-arrived"] = ["القادمون الجدد", "تازه‌واردان", "ሓደስቲ መጻእቲ", "Soo-galooti cusub", "Новоприбулі"],
        [$"{TargetGroups}/asylum-seekers"] = ["طالبو اللجوء", "پناهجویان", "ሓተትቲ ዑቕባ", "Magangalyo-doon", "Шукачі притулку"],
        [$"{TargetGroups}/resettled-refugees"] = ["لاجئو إعادة التوطين (الحصة)", "پناهندگان سهمیه‌ای", "ብኮታ ዝመጹ ስደተኛታት", "Qaxooti kootada", "Біженці за квотою"],
        [$"{TargetGroups}/relatives-of-newly-arrived"] = ["أقارب القادمين الجدد", "خویشاوندان تازه‌واردان", "ኣዝማድ ሓደስቲ መጻእቲ", "Qaraabada soo-galootiga cusub", "Родичі новоприбулих"],
        [$"{TargetGroups}/undocumented"] = ["أشخاص بلا تصريح إقامة", "افراد بدون اجازه اقامت", "ፍቓድ መንበሪ ዘይብሎም", "Dadka aan sharci haysan", "Люди без документів"],

        [$"{AgeGroups}/children"] = ["أطفال (0–12 سنة)", "کودکان (0–12 سال)", "ቆልዑ (0–12 ዓመት)", "Carruur (0–12 sano)", "Діти (0–12 років)"],
        [$"{AgeGroups}/youth"] = ["يافعون (13–17 سنة)", "نوجوانان (13–17 سال)", "መንእሰያት (13–17 ዓመት)", "Dhallinyaro (13–17 sano)", "Підлітки (13–17 років)"],
        [$"{AgeGroups}/adults"] = ["بالغون (18–64 سنة)", "بزرگسالان (18–64 سال)", "ዓበይቲ (18–64 ዓመት)", "Dad waaweyn (18–64 sano)", "Дорослі (18–64 роки)"],
        [$"{AgeGroups}/older-adults"] = ["كبار السن (65 سنة فأكثر)", "سالمندان (65 سال و بالاتر)", "ኣረጋውያን (65 ዓመትን ልዕሊኡን)", "Waayeel (65 sano iyo ka weyn)", "Літні люди (65 років і більше)"],

        [$"{MhpssLayers}/1"] = ["المستوى 1: الخدمات الأساسية والأمان", "سطح 1: خدمات اساسی و امنیت", "ደረጃ 1: መሰረታዊ ኣገልግሎታትን ድሕንነትን", "Heerka 1: Adeegyada aasaasiga ah iyo ammaanka", "Рівень 1: Базові послуги та безпека"],
        [$"{MhpssLayers}/2"] = ["المستوى 2: الدعم في الأسرة والمجتمع", "سطح 2: حمایت در خانواده و جامعه", "ደረጃ 2: ደገፍ ኣብ ስድራን ማሕበረሰብን", "Heerka 2: Taageerada qoyska iyo bulshada", "Рівень 2: Підтримка в родині та громаді"],
        [$"{MhpssLayers}/3"] = ["المستوى 3: دعم مركّز غير متخصص", "سطح 3: حمایت متمرکز غیرتخصصی", "ደረጃ 3: ዘተኮረ ዘይፍሉይ ደገፍ", "Heerka 3: Taageero diiradsan oo aan takhasus ahayn", "Рівень 3: Цільова неспеціалізована підтримка"],
        [$"{MhpssLayers}/4"] = ["المستوى 4: خدمات متخصصة", "سطح 4: خدمات تخصصی", "ደረጃ 4: ፍሉያት ኣገልግሎታት", "Heerka 4: Adeegyo takhasus leh", "Рівень 4: Спеціалізовані послуги"],

        [$"{ActivityCategories}/information"] = ["المعلومات والتواصل الصحي", "معلومات و آگاهی صحی", "ሓበሬታን ምትሕልላፍ ሓበሬታ ጥዕናን", "Macluumaad iyo wacyigelin caafimaad", "Інформація та розмови про здоров’я"],
        [$"{ActivityCategories}/health-communication"] = ["مرشدو الصحة، التوجيه المجتمعي مع الصحة (SHO+)", "رهنمایان صحی، آشنایی با جامعه با تمرکز بر صحت (SHO+)", "ሰራሕተኛታት ሓበሬታ ጥዕና፣ ምልላይ ሕብረተሰብ ምስ ጥዕና (SHO+)", "Wacyigeliyeyaasha caafimaadka, barashada bulshada iyo caafimaadka (SHO+)", "Консультанти зі здоров’я, орієнтація в суспільстві (SHO+)"],
        [$"{ActivityCategories}/community-mobilisation"] = ["دعم التنظيم الذاتي والمشاركة", "حمایت از خودسازماندهی و مشارکت", "ደገፍ ነብሰ-ምውዳብን ተሳትፎን", "Taageerada is-abaabulka iyo ka-qaybgalka", "Підтримка самоорганізації та участі"],
        [$"{ActivityCategories}/community-family-support"] = ["تعزيز الدعم في الأسرة والمجتمع", "تقویت حمایت در خانواده و جامعه", "ምሕያል ደገፍ ኣብ ስድራን ማሕበረሰብን", "Xoojinta taageerada qoyska iyo bulshada", "Зміцнення підтримки в родині та громаді"],
        [$"{ActivityCategories}/parenting-support"] = ["دعم الوالدين", "حمایت از والدین", "ደገፍ ወለዲ", "Taageerada waalidiinta", "Підтримка батьків"],
        [$"{ActivityCategories}/social-networks"] = ["شبكات اجتماعية، مقاهي اللغة، أنشطة الفراغ", "شبکه‌های اجتماعی، کافه‌های زبان، اوقات فراغت", "ማሕበራዊ ርክባት፣ ቤት ቡና ቋንቋ፣ ግዜ ዕረፍቲ", "Shabakado bulsho, kafeeyada luqadda, hawlaha firaaqada", "Соціальні зв’язки, мовні кафе, дозвілля"],
        [$"{ActivityCategories}/safe-spaces"] = ["أماكن آمنة وأماكن لقاء", "مکان‌های امن و محل‌های دیدار", "ውሑሳት ቦታታትን መራኸቢ ቦታታትን", "Goobo ammaan ah iyo goobo kulan", "Безпечні місця та місця зустрічей"],
        [$"{ActivityCategories}/meeting-places"] = ["أماكن لقاء", "محل‌های دیدار", "መራኸቢ ቦታታት", "Goobo kulan", "Місця зустрічей"],
        [$"{ActivityCategories}/education-support"] = ["دعم نفسي اجتماعي في الروضة والمدرسة", "حمایت روانی-اجتماعی در کودکستان و مکتب", "ስነ-ኣእምሮኣዊ ማሕበራዊ ደገፍ ኣብ መውዓሊ ህጻናትን ቤት ትምህርትን", "Taageero nafsi iyo bulsho oo xannaanada iyo dugsiga", "Психосоціальна підтримка в дитсадку та школі"],
        [$"{ActivityCategories}/mhpss-in-other-sectors"] = ["مراعاة الجوانب النفسية الاجتماعية في قطاعات أخرى", "توجه روانی-اجتماعی در سایر بخش‌ها", "ስነ-ኣእምሮኣዊ ማሕበራዊ ኣቓልቦ ኣብ ካልኦት ዘርፍታት", "Tixgelin nafsi iyo bulsho oo qaybaha kale", "Психосоціальна увага в інших сферах"],
        [$"{ActivityCategories}/person-focused-psychosocial"] = ["دعم نفسي اجتماعي فردي", "حمایت روانی-اجتماعی فردی", "ውልቃዊ ስነ-ኣእምሮኣዊ ማሕበራዊ ደገፍ", "Taageero nafsi iyo bulsho oo shakhsi ah", "Індивідуальна психосоціальна підтримка"],
        [$"{ActivityCategories}/psychological-first-aid"] = ["الإسعافات الأولية النفسية", "کمک‌های اولیه روانی", "ቀዳማይ ረድኤት ስነ-ኣእምሮ", "Gargaarka degdegga ah ee nafsiga", "Перша психологічна допомога"],
        [$"{ActivityCategories}/stress-reduction"] = ["أنشطة لتخفيف التوتر", "فعالیت‌های کاهش استرس", "ጭንቀት ዘጉድሉ ንጥፈታት", "Hawlo yareeya walbahaarka", "Заняття для зменшення стресу"],
        [$"{ActivityCategories}/support-conversations"] = ["جلسات حوار داعمة", "گفتگوهای حمایتی", "ናይ ደገፍ ዝርርባት", "Wada-hadal taageero", "Підтримувальні розмови"],
        [$"{ActivityCategories}/psychological-intervention"] = ["علاج نفسي (العلاج بالحوار)", "درمان روانی (گفتاردرمانی، تراپی)", "ስነ-ኣእምሮኣዊ ሕክምና (ብዝርርብ፣ ቴራፒ)", "Daaweyn nafsi ah (daaweyn hadal, teraabi)", "Психологічне лікування (терапія)"],
        [$"{ActivityCategories}/clinical-non-specialised"] = ["الرعاية الأولية والصحة المدرسية", "مراقبت‌های اولیه صحی و صحت مکتب", "ቀዳማይ ክንክን ጥዕናን ጥዕና ተማሃሮን", "Daryeelka caafimaadka aasaasiga ah iyo caafimaadka ardayda", "Первинна медична допомога та шкільна медицина"],
        [$"{ActivityCategories}/health-examination"] = ["فحص صحي", "معاینه صحی", "ምርመራ ጥዕና", "Baaritaan caafimaad", "Медичний огляд"],
        [$"{ActivityCategories}/clinical-specialised"] = ["طب نفسي متخصص وعلاج الصدمات", "روانپزشکی تخصصی و درمان تروما", "ፍሉይ ሕክምና ኣእምሮን ሕክምና ስንባደን", "Dhakhtarka maskaxda ee takhasuska ah iyo daaweynta naxdinta", "Спеціалізована психіатрія та лікування травми"],
        [$"{ActivityCategories}/capacity-building"] = ["تدريب الموظفين والإشراف عليهم", "آموزش و رهنمایی کارمندان", "ስልጠናን ምኽርን ሰራሕተኛታት", "Tababarka iyo hagidda shaqaalaha", "Навчання та супервізія персоналу"],

        [$"{Costs}/free"] = ["مجاني", "رایگان", "ብነጻ", "Bilaash", "Безкоштовно"],
        [$"{Costs}/fee"] = ["برسوم", "با هزینه", "ብክፍሊት", "Lacag la bixiyo", "Платно"],

        [$"{AccessModes}/drop-in"] = ["بدون موعد، تعال متى شئت", "بدون وقت قبلی، هر وقت خواستید بیایید", "ብዘይ ቆጸራ፣ ኣብ ዝደለኻዮ ግዜ ምጻእ", "Ballan la'aan, kaalay markaad rabto", "Без запису, приходьте коли зручно"],
        [$"{AccessModes}/booking"] = ["بموعد مسبق", "با وقت قبلی", "ብቆጸራ", "Ballan", "За записом"],
        [$"{AccessModes}/referral"] = ["بإحالة", "با معرفی‌نامه", "ብምትሕልላፍ (ሪፈራል)", "Gudbin (referral)", "За направленням"],
        [$"{AccessModes}/online"] = ["عبر الإنترنت", "آنلاین", "ብኢንተርነት", "Online", "Онлайн"],

        [$"{Preparedness}/surge-capacity"] = ["يمكن استقبال المزيد (أشخاص في الأسبوع)", "ظرفیت پذیرش بیشتر (نفر در هفته)", "ተወሳኺ ዓቕሚ (ሰባት ኣብ ሰሙን)", "Awood dheeraad ah (dad toddobaadkii)", "Може прийняти більше (осіб на тиждень)"],
        [$"{Preparedness}/surge-lead-time"] = ["مدة التجهيز (أيام)", "زمان آماده‌سازی (روز)", "ግዜ ምድላው (መዓልታት)", "Waqtiga diyaargarowga (maalmo)", "Час підготовки (днів)"],
    };

    /// <summary>A term's names in all seven UI languages (sv, en, ar, prs, ti, so, uk); empty when the term is unknown.</summary>
    public static IReadOnlyDictionary<string, string> TermNames(string taxonomy, string code)
    {
        var def = Taxonomies.FirstOrDefault(t => t.Name == taxonomy)?.Terms.FirstOrDefault(t => t.Code == code);
        if (def is null) return new Dictionary<string, string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["sv"] = def.Sv, ["en"] = def.En };
        if (TermTranslations.TryGetValue($"{taxonomy}/{code}", out var others))
        {
            for (var i = 0; i < OtherUiLanguages.Length; i++) names[OtherUiLanguages[i]] = others[i];
        }
        return names;
    }
}
