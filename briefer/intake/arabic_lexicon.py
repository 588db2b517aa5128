"""Word lists for reading Arabic reports, beside lexicon.ARABIC_ACTORS: more actors the Arabic
press names (armies, security forces, armed groups, UN bodies, agencies), the nationality
adjectives that make "الجيش السوداني" (the Sudanese army) an actor of its own, the head nouns
that open an organisation's name ("شبكة أطباء السودان"), and the words that tell something
happening outside war (sanctions, protests, closures, decisions)."""

from __future__ import annotations

from . import lexicon as L

# Arabic name -> (name it is proposed under, kind).  English names where the workspace is
# likely to hold the actor under one; the names the Arabic press uses stay as aliases seen.
MORE_ACTORS = {
    # armies and security forces
    "قوات الدعم السريع": ("Rapid Support Forces", "armed_group"), "الدعم السريع": ("Rapid Support Forces", "armed_group"),
    "الجيش السوداني": ("Sudanese Armed Forces", "armed_group"), "القوات المسلحة السودانية": ("Sudanese Armed Forces", "armed_group"),
    "الجيش المصري": ("Egyptian Army", "armed_group"), "القوات المسلحة المصرية": ("Egyptian Army", "armed_group"),
    "الجيش اليمني": ("Yemeni Army", "armed_group"), "الجيش الليبي": ("Libyan National Army", "armed_group"),
    "الجيش الوطني الليبي": ("Libyan National Army", "armed_group"), "الجيش الصومالي": ("Somali National Army", "armed_group"),
    "الجيش الأمريكي": ("United States Armed Forces", "armed_group"), "الجيش الأميركي": ("United States Armed Forces", "armed_group"),
    "الجيش الروسي": ("Russian Armed Forces", "armed_group"), "الجيش الأوكراني": ("Armed Forces of Ukraine", "armed_group"),
    "الجيش السعودي": ("Royal Saudi Land Forces", "armed_group"), "الجيش الباكستاني": ("Pakistan Army", "armed_group"),
    "الجيش الأفغاني": ("Afghan National Army", "armed_group"), "الجيش الجزائري": ("Algerian People's National Army", "armed_group"),
    "جيش الاحتلال": ("Israel Defense Forces", "armed_group"), "قوات الاحتلال": ("Israel Defense Forces", "armed_group"),
    "جيش الاحتلال الإسرائيلي": ("Israel Defense Forces", "armed_group"), 
    "طائرات الاحتلال": ("Israel Defense Forces", "armed_group"), "الشرطة الإسرائيلية": ("Israel Police", "organisation"),
    "الشرطة العراقية": ("Iraqi Police", "organisation"), "الشرطة الصومالية": ("Somali Police Force", "organisation"),
    "الشرطة المصرية": ("Egyptian Police", "organisation"), "الشرطة الأفغانية": ("Afghan National Police", "organisation"),
    "القوات الحكومية": ("government forces", "armed_group"), "القوات العراقية": ("Iraqi Security Forces", "armed_group"),
    "قوات الأمن العراقية": ("Iraqi Security Forces", "armed_group"), "القوات الروسية": ("Russian Armed Forces", "armed_group"),
    "القوات الأمريكية": ("United States Armed Forces", "armed_group"), "القوات الأميركية": ("United States Armed Forces", "armed_group"),
    "القوات التركية": ("Turkish Armed Forces", "armed_group"), "القوات الإسرائيلية": ("Israel Defense Forces", "armed_group"),
    "القوات الفرنسية": ("French Armed Forces", "armed_group"), "القوات الأفغانية": ("Afghan National Army", "armed_group"),
    "الطيران الروسي": ("Russian Aerospace Forces", "armed_group"), "الطيران السوري": ("Syrian Arab Air Force", "armed_group"),
    # armed groups
    "حركة الشباب": ("al-Shabaab", "armed_group"), "حركة الشباب المجاهدين": ("al-Shabaab", "armed_group"),
    "الشباب المجاهدين": ("al-Shabaab", "armed_group"), "بوكو حرام": ("Boko Haram", "armed_group"),
    "الجهاد الإسلامي": ("Palestinian Islamic Jihad", "armed_group"), "حركة الجهاد الإسلامي": ("Palestinian Islamic Jihad", "armed_group"),
    "كتائب القسام": ("Izz ad-Din al-Qassam Brigades", "armed_group"), "كتائب عز الدين القسام": ("Izz ad-Din al-Qassam Brigades", "armed_group"),
    "سرايا القدس": ("al-Quds Brigades", "armed_group"), "حركة فتح": ("Fatah", "organisation"),
    "جيش الفتح": ("Jaish al-Fatah", "armed_group"), "ولاية سيناء": ("Islamic State – Sinai Province", "armed_group"),
    "أنصار بيت المقدس": ("Islamic State – Sinai Province", "armed_group"), "جماعة الحوثي": ("Houthis", "armed_group"),
    "جماعة الحوثيين": ("Houthis", "armed_group"), "الحوثي": ("Houthis", "armed_group"), "حركة أنصار الله": ("Houthis", "armed_group"),
    "الإخوان المسلمين": ("Muslim Brotherhood", "organisation"), "جماعة الإخوان المسلمين": ("Muslim Brotherhood", "organisation"),
    "الإخوان": ("Muslim Brotherhood", "organisation"), "المعارضة المسلحة": ("armed opposition", "armed_group"),
    "فصائل المعارضة": ("armed opposition", "armed_group"), "الفصائل المعارضة": ("armed opposition", "armed_group"),
    "فصائل معارضة": ("armed opposition", "armed_group"), "فصائل المعارضة المسلحة": ("armed opposition", "armed_group"),
    "فصائل المقاومة": ("Palestinian armed factions", "armed_group"), "فصائل المقاومة الفلسطينية": ("Palestinian armed factions", "armed_group"),
    "جبهة فتح الشام": ("Jabhat al-Nusra", "armed_group"),
    "الجيش الوطني السوري": ("Syrian National Army", "armed_group"), "طالبان باكستان": ("Tehrik-i-Taliban Pakistan", "armed_group"),
    "جماعة نصرة الإسلام والمسلمين": ("JNIM", "armed_group"), "فاغنر": ("Wagner Group", "armed_group"),
    # states (acting; only places are left out by the reader)
    "سوريا": ("Syria", "state"), "السودان": ("Sudan", "state"), "اليمن": ("Yemen", "state"),
    "ليبيا": ("Libya", "state"), "الصومال": ("Somalia", "state"), "فلسطين": ("Palestine", "state"),
    "الكويت": ("Kuwait", "state"), "البحرين": ("Bahrain", "state"), "عمان": ("Oman", "state"), "سلطنة عمان": ("Oman", "state"),
    "الجزائر": ("Algeria", "state"), "تونس": ("Tunisia", "state"), "المغرب": ("Morocco", "state"),
    "موريتانيا": ("Mauritania", "state"), "الصين": ("China", "state"), "بكين": ("China", "state"), "الهند": ("India", "state"),
    "باكستان": ("Pakistan", "state"), "أفغانستان": ("Afghanistan", "state"), "ألمانيا": ("Germany", "state"),
    "إيطاليا": ("Italy", "state"), "إسبانيا": ("Spain", "state"), "اليابان": ("Japan", "state"), "أوكرانيا": ("Ukraine", "state"),
    "كييف": ("Ukraine", "state"), "بنغلاديش": ("Bangladesh", "state"),
    "بنغلادش": ("Bangladesh", "state"), "بنجلاديش": ("Bangladesh", "state"), "المفوضية الأوروبية": ("European Commission", "organisation"),
    "البرلمان الأوروبي": ("European Parliament", "organisation"), "الحكومة المقالة": ("Hamas government in Gaza", "organisation"),
    "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية": ("OCHA", "organisation"), "أوتشا": ("OCHA", "organisation"), "نيجيريا": ("Nigeria", "state"), "مالي": ("Mali", "state"),
    "إثيوبيا": ("Ethiopia", "state"), "كينيا": ("Kenya", "state"), "تشاد": ("Chad", "state"), "النيجر": ("Niger", "state"),
    "الولايات المتحدة الأمريكية": ("United States", "state"), "الولايات المتحدة الأميركية": ("United States", "state"),
    "أميركا": ("United States", "state"), "المملكة المتحدة": ("United Kingdom", "state"), "الإمارات العربية المتحدة": ("United Arab Emirates", "state"),
    "كوريا الشمالية": ("North Korea", "state"), "كوريا الجنوبية": ("South Korea", "state"), "السلطة الفلسطينية": ("Palestinian Authority", "organisation"),
    "الحكومة الإسرائيلية": ("Israel", "state"), "الحكومة العراقية": ("Iraq", "state"), "الحكومة اليمنية": ("Yemen", "state"),
    "الحكومة السودانية": ("Sudan", "state"), "الحكومة المصرية": ("Egypt", "state"), "الحكومة الليبية": ("Libya", "state"),
    "الحكومة التركية": ("Turkey", "state"), "الحكومة الصومالية": ("Somalia", "state"), "الحكومة الإيرانية": ("Iran", "state"),
    "الإدارة الأمريكية": ("United States", "state"), "الإدارة الأميركية": ("United States", "state"), "الكرملين": ("Russia", "state"),
    "البيت الأبيض": ("United States", "state"),
    "جنوب السودان": ("South Sudan", "state"), "البرازيل": ("Brazil", "state"), "كندا": ("Canada", "state"),
    "أستراليا": ("Australia", "state"), "إندونيسيا": ("Indonesia", "state"), "ماليزيا": ("Malaysia", "state"),
    "الفلبين": ("Philippines", "state"), "ميانمار": ("Myanmar", "state"), "سريلانكا": ("Sri Lanka", "state"),
    "فنزويلا": ("Venezuela", "state"), "كولومبيا": ("Colombia", "state"), "المكسيك": ("Mexico", "state"),
    "كوبا": ("Cuba", "state"), "الأرجنتين": ("Argentina", "state"), "جنوب أفريقيا": ("South Africa", "state"),
    "أوغندا": ("Uganda", "state"), "رواندا": ("Rwanda", "state"), "بوروندي": ("Burundi", "state"),
    "الكونغو": ("DR Congo", "state"), "إريتريا": ("Eritrea", "state"), "جيبوتي": ("Djibouti", "state"),
    "أذربيجان": ("Azerbaijan", "state"), "أرمينيا": ("Armenia", "state"), "جورجيا": ("Georgia", "state"),
    "بولندا": ("Poland", "state"), "هولندا": ("Netherlands", "state"), "بلجيكا": ("Belgium", "state"),
    "السويد": ("Sweden", "state"), "النرويج": ("Norway", "state"), "الدنمارك": ("Denmark", "state"),
    "اليونان": ("Greece", "state"), "قبرص": ("Cyprus", "state"), "سويسرا": ("Switzerland", "state"),
    "النمسا": ("Austria", "state"), "صربيا": ("Serbia", "state"), "كوسوفو": ("Kosovo", "state"),
    "البوسنة": ("Bosnia and Herzegovina", "state"), "تايوان": ("Taiwan", "state"), "فيتنام": ("Vietnam", "state"),
    "تايلاند": ("Thailand", "state"), "السنغال": ("Senegal", "state"), "الكاميرون": ("Cameroon", "state"),
    "بوركينا فاسو": ("Burkina Faso", "state"), "تنزانيا": ("Tanzania", "state"), "موزمبيق": ("Mozambique", "state"),
    # international bodies and agencies
    "الاتحاد الأوروبي": ("European Union", "organisation"), "الاتحاد الأفريقي": ("African Union", "organisation"),
    "جامعة الدول العربية": ("Arab League", "organisation"),
    "مجلس التعاون الخليجي": ("Gulf Cooperation Council", "organisation"), "منظمة التعاون الإسلامي": ("Organisation of Islamic Cooperation", "organisation"),
    "الأمين العام للأمم المتحدة": ("UN Secretary-General", "person"),
    "منظمة الأمم المتحدة للطفولة": ("UNICEF", "organisation"), "يونيسيف": ("UNICEF", "organisation"), "اليونيسيف": ("UNICEF", "organisation"),
    "برنامج الأغذية العالمي": ("World Food Programme", "organisation"),
    "برنامج الأمم المتحدة الإنمائي": ("UNDP", "organisation"), "برنامج الأمم المتحدة للبيئة": ("UNEP", "organisation"), "منظمة الصحة العالمية": ("World Health Organization", "organisation"),
    "المفوضية السامية للأمم المتحدة لشؤون اللاجئين": ("UNHCR", "organisation"), "مفوضية اللاجئين": ("UNHCR", "organisation"),
    "منظمة الأغذية والزراعة": ("Food and Agriculture Organization", "organisation"), "الفاو": ("Food and Agriculture Organization", "organisation"),
    "وكالة الأونروا": ("UNRWA", "organisation"), "الأونروا": ("UNRWA", "organisation"), "مجلس حقوق الإنسان": ("UN Human Rights Council", "organisation"),
    "الوكالة الدولية للطاقة الذرية": ("International Atomic Energy Agency", "organisation"), "المحكمة الجنائية الدولية": ("International Criminal Court", "organisation"),
    "محكمة العدل الدولية": ("International Court of Justice", "organisation"), "البنك الدولي": ("World Bank", "organisation"),
    "صندوق النقد الدولي": ("International Monetary Fund", "organisation"), "منظمة العفو الدولية": ("Amnesty International", "organisation"),
    "هيومن رايتس ووتش": ("Human Rights Watch", "organisation"), "أطباء بلا حدود": ("Médecins Sans Frontières", "organisation"),
    "اللجنة الدولية للصليب الأحمر": ("ICRC", "organisation"), "الهلال الأحمر": ("Red Crescent", "organisation"),
    "الدفاع المدني": ("Civil Defence", "organisation"), "الخوذ البيضاء": ("White Helmets", "organisation"),
    "حلف شمال الأطلسي": ("NATO", "organisation"), "قوات الاتحاد الأفريقي": ("African Union Mission", "organisation"),
    "أميسوم": ("AMISOM", "organisation"), "بعثة الأمم المتحدة": ("United Nations", "organisation"),  # a UN unit is the UN
    # agencies and outlets that carry words (sources)
    "وكالة الأنباء الفرنسية": ("Agence France-Presse", "source"), 
    "وكالة فرانس برس": ("Agence France-Presse", "source"), "وكالة رويترز": ("Reuters", "source"),
    "وكالة الأناضول": ("Anadolu Agency", "source"), "وكالة الأنباء الألمانية": ("dpa", "source"), "د.ب.أ": ("dpa", "source"),
    "وكالة أسوشيتد برس": ("Associated Press", "source"), 
     "قناة الجزيرة": ("Al Jazeera", "source"),
    "بي بي سي": ("BBC", "source"), "سكاي نيوز": ("Sky News Arabia", "source"), "قناة المسيرة": ("al-Masirah", "source"),
    "تلفزيون المسيرة": ("al-Masirah", "source"), "وكالة الأنباء العراقية": ("Iraqi News Agency", "source"),
    "وكالة الأنباء السعودية": ("Saudi Press Agency", "source"), "وكالة سبأ": ("Saba News Agency", "source"),
    "التلفزيون السوري": ("Syrian TV", "source"), "التلفزيون الرسمي": ("state television", "source"),
    "وكالة الأنباء الرسمية": ("state news agency", "source"), "وكالة الأنباء القطرية": ("Qatar News Agency", "source"),
    "وكالة الأنباء الإيرانية": ("IRNA", "source"), "وكالة شينخوا": ("Xinhua", "source"), "شينخوا": ("Xinhua", "source"),
    "يديعوت أحرونوت": ("Yedioth Ahronoth", "source"), "يديعوت أحرنوت": ("Yedioth Ahronoth", "source"),
    "هآرتس": ("Haaretz", "source"), "إذاعة شابيلي": ("Radio Shabelle", "source"), "شابيلي": ("Radio Shabelle", "source"),
    
}
ACTORS = {**L.ARABIC_ACTORS, **MORE_ACTORS}
# Sources that are also parties a timeline names: an observatory, a monitoring network.
ACTING_SOURCES = {"Syrian Observatory for Human Rights"}

# Nationality adjectives (masculine; +ة/ية for the feminine) -> the state they name.
NATIONALITIES = {
    "السوري": "Syria", "السوداني": "Sudan", "المصري": "Egypt", "العراقي": "Iraq", "اليمني": "Yemen", "الليبي": "Libya",
    "الصومالي": "Somalia", "الإسرائيلي": "Israel", "الاسرائيلي": "Israel", "الفلسطيني": "Palestine", "اللبناني": "Lebanon",
    "الأردني": "Jordan", "التركي": "Turkey", "الإيراني": "Iran", "الروسي": "Russia", "الأمريكي": "United States",
    "الأميركي": "United States", "السعودي": "Saudi Arabia", "الإماراتي": "United Arab Emirates", "القطري": "Qatar",
    "الفرنسي": "France", "البريطاني": "United Kingdom", "الألماني": "Germany", "الصيني": "China", "الأفغاني": "Afghanistan",
    "الباكستاني": "Pakistan", "النيجيري": "Nigeria", "المالي": "Mali", "الجزائري": "Algeria", "التونسي": "Tunisia",
    "المغربي": "Morocco", "الكويتي": "Kuwait", "البحريني": "Bahrain", "العماني": "Oman", "الأوكراني": "Ukraine",
    "الهندي": "India", "البنغلاديشي": "Bangladesh", "الإثيوبي": "Ethiopia", "الكيني": "Kenya", "الأوروبي": "Europe",
}
# Institutions named by a head and a nationality: "وزارة الخارجية الروسية", "الشرطة العراقية".
INSTITUTION_HEADS = (
    "وزارة الخارجية", "وزارة الدفاع", "وزارة الداخلية", "وزارة الصحة", "وزارة العدل", "وزارة المالية", "وزارة الإعلام",
    "وزارة التجارة", "وزارة الاقتصاد", "وزارة النفط", "وزارة الزراعة", "وزارة الخزانة", "وزارة التربية", "وزارة الأوقاف",
    "وزير الخارجية", "وزير الدفاع", "وزير الداخلية", "وزير الصحة", "وزير الإعلام", "رئيس الوزراء", "رئيس الحكومة",
    "الرئيس", "الجيش", "القوات المسلحة", "قوات الأمن", "الشرطة", "الحكومة", "البرلمان", "مجلس النواب", "مجلس الشعب",
    "الرئاسة", "البحرية", "سلاح الجو", "الاستخبارات", "المخابرات", "القضاء", "المحكمة العليا", "السلطات", "الخارجية",
    "الداخلية", "الدفاع", "الأمن", "القوات", "الطيران", "السفارة", "الشرطة الاتحادية",
)
# Nouns that open an organisation's own name: "شبكة أطباء السودان", "تنسيقية لجان مقاومة الفاشر".
ORG_HEADS = {
    "منظمة": "organisation", "شبكة": "organisation", "تنسيقية": "organisation", "لجنة": "organisation", "لجان": "organisation",
    "هيئة": "organisation", "جمعية": "organisation", "مجلس": "organisation", "اتحاد": "organisation", "مفوضية": "organisation",
    "مرصد": "organisation", "نقابة": "organisation", "محكمة": "organisation",
    "وزارة": "organisation", "مكتب": "organisation", "مجموعة": "organisation", "قسم": "organisation", "كلية": "organisation", "جامعة": "organisation", "بعثة": "organisation", "حزب": "organisation", "ائتلاف": "organisation",
    "حركة": "armed_group", "جماعة": "armed_group", "جبهة": "armed_group", "كتائب": "armed_group", "كتيبة": "armed_group",
    "ألوية": "armed_group", "لواء": "armed_group", "سرايا": "armed_group", "فيلق": "armed_group", "ميليشيا": "armed_group",
    "مليشيا": "armed_group", "قوات": "armed_group", "تنظيم": "armed_group",
    "وكالة": "source", "صحيفة": "source", "جريدة": "source", "إذاعة": "source", "قناة": "source", "تلفزيون": "source",
    "موقع": "source", "شبكة أخبار": "source",
}
# Nouns that make "head + noun" a thing, not a body: "حركة التجارة" (trade).  ("برنامج" opens no body's
# name by itself: a programme, "البرنامج النووي", "برنامج الحفل"; the UN's programmes are named above.)
ABSTRACT = {
    "التجارة", "المرور", "الملاحة", "السير", "النقل", "الأسعار", "البضائع", "السفر", "الاحتجاج", "الاحتجاجات", "النزوح",
    "السكان", "العمل", "المساعدات", "الغذاء", "الأموال", "الاستيراد", "التصدير", "الإعمار", "التنمية", "البناء",
    "الدراسة", "الامتحانات", "الطوارئ", "الإسعاف", "الشراء", "البيع", "التهريب", "الأنفاق", "المعابر", "الحدود",
    "الإنترنت", "الانترنت", "المعلومات", "الاتصالات", "الكهرباء", "المياه", "الطرق", "الصرف الصحي",
    "الأفراد", "الأشخاص", "المسافرين", "الشاحنات", "المركبات",  # "حركة الأفراد": people moving, no movement
}
# Words that end an organisation's name when they follow it.
NAME_STOPS = {
    "في", "على", "من", "إلى", "الى", "عن", "إن", "أن", "ان", "بأن", "الذي", "التي", "الذين", "وهي", "وهو", "بعد", "قبل",
    "مع", "ضد", "حول", "خلال", "منذ", "اليوم", "أمس", "امس", "غدا", "عبر", "لدى", "بين", "عند", "حتى", "أو", "او", "لا",
    "لم", "لن", "قد", "كما", "ثم", "فيما", "بينما", "إثر", "جراء", "بسبب", "وفق", "حسب", "بحسب", "يوم", "صباح", "مساء",
}

# Verbs and nouns of happenings beyond fighting: politics, sanctions, protests, aid.
MORE_EVENT_WORDS = (
    "كمين", "كمينا", "استشهد", "استشهاد", "شهداء", "حتف", "حتفهم", "مصرع", "أسفر", "أودى", "قصفت", "قذائف",
    "صاروخ", "صواريخ", "مسيرة", "مسيرات", "مسيّرة", "ضرب", "ضربت", "أغار", "أغارت", "انفجرت", "انفجر", "تفجيرات",
    "مفخخة", "عبوة", "ناسفة", "انتحاري", "اغتيال", "اغتال", "اغتيل", "اغتيالات", "صد", "أحبط", "أحبطت", "دارت", "اندلعت",
    "اندلع", "تظاهر", "تظاهرات", "مظاهرات", "مظاهرة", "احتجاجات", "احتجاج", "اعتصام", "إضراب", "أغلق", "أغلقت", "إغلاق",
    "أغلقت", "فتحت", "فتح تحقيق", "تحقيقا", "تحقيق", "رفض", "رفضت", "فرض", "فرضت", "عقوبات", "حظر", "قرر", "قررت",
    "قرار", "وقع", "وقعت", "توقيع", "اتفاقية", "صوت", "صوتت", "تصويت", "انتخابات", "انتخب", "عين", "عينت", "تعيين",
    "استقال", "استقالة", "أقال", "أصدر", "أصدرت", "إصدار", "تقريرا", "مشاورات", "محادثات", "مفاوضات", "اجتماع", "اجتمع",
    "قمة", "زار", "زيارة", "وصل", "استقبل", "طالب", "طالبت", "اتهم", "اتهمت", "أدان", "أدانت", "دان", "تدهور",
    "ارتفع", "ارتفاع", "انخفض", "حاصر", "تحاصر", "الحصار", "كسر", "أسقطت", "إسقاط", "نزح", "نازحين", "لاجئين", "أفرج",
    "الإفراج", "أطلق سراح", "سلم", "تسليم", "هدم", "اعتقلت", "اعتقال", "احتجز", "احتجاز", "اختطف", "داهم", "داهمت",
    "مداهمة", "أعدم", "تبنى", "تبنت", "مسؤوليتها", "مسؤوليته", "منعت", "منع", "أوقف", "أوقفت", "توقف", "سقطت",
    "أصاب", "أصابت", "إصابة", "دمرت", "تدمير", "أحرق", "نهب", "هاجموا", "قتلوا", "أصيب", "أصيبوا", "قتل", "قُتل",
)
# General news beyond war, by verb class (perfect and imperfect stems and their nouns): ceremonies,
# elections and appointments, diplomacy and agreements, courts, proposals and decisions, boycotts,
# founding and forming, breaking into computers.
GENERAL_EVENT_WORDS = (
    "احتفل", "احتفلت", "يحتفل", "تحتفل", "احتفال", "احتفالات", "حفل", "مراسم", "فعاليات",
    "انتخاب", "انتخبت", "فاز", "فازت", "يفوز", "تفوز", "فوز", "خلف", "يخلف", "نصب", "تنصيب", "أدى اليمين",
    "التقى", "التقت", "يلتقي", "لقاء", "مباحثات", "توصل", "توصلت", "أبرم", "أبرمت", "أبرمتها", "اتفاقات",
    "حكم", "حكمت", "قضت", "غرامة", "محاكمة", "أدين", "أدانت المحكمة", "برأت", "صدور", "صدر", "صدرت",
    "اقترح", "اقترحت", "يقترح", "اقتراح", "استفتاء", "تقرر", "أقر", "أقرت", "صادق", "صادقت", "مرسوم", "مرسوما",
    "قاطع", "قاطعت", "يقاطع", "يقاطعان", "يقاطعون", "مقاطعة", "احتج", "احتجوا", "تظاهروا", "انطلقت", "تراجعت",
    "شكلت", "تشكيل", "أسس", "أسست", "تأسيس", "أنشأ", "أنشأت", "إنشاء",
    "قرصنة", "اخترق", "اخترقت", "اختراق", "استقلال",
    # deaths, accidents and disasters, surgery and other things done ("أجري له عمل جراحي"), postponements
    "توفي", "توفيت", "توفوا", "وفاة", "مات", "ماتت", "ماتوا", "يموت", "تحطم", "تحطمت", "حريق", "غرق", "غرقت",
    "زلزال", "فيضانات", "تفشي", "تفشى", "جراحة", "جراحي", "جراحية",
    "كلف", "كلفت", "تكليف", "تأجل", "تأجيل", "أجلت", "أرجئ",
    # a toll told as a count ("بلغ عدد ضحاياها 81", "ارتفعت حصيلة القتلى"), a birth
    "ضحايا", "حصيلة", "بلغ عدد", "ولد", "ولدت",
    # more happenings by verb class: opening and closing, cancelling, evacuating and deporting, finding
    # and rescuing, assaults and massacres, coups, escapes and surrenders, collapses, seizures, pardons
    "افتتح", "افتتحت", "افتتاح", "اختتم", "اختتمت", "اختتام", "ألغى", "ألغت", "إلغاء", "أخلى", "أخلت", "إخلاء",
    "رحلت", "ترحيل", "عثر", "عثرت", "العثور", "أنقذ", "أنقذت", "إنقاذ", "اعتدى", "اعتداء", "اعتداءات", "مجزرة",
    "مذبحة", "مواجهات", "مواجهة", "انقلاب", "هرب", "هربوا", "هروب", "استسلم", "استسلام", "انهار", "انهيار", "صادرت", "مصادرة",
    "عفو", "إفراج", "تبادل", "شيع", "شيعت", "تشييع", "دفن", "دفنت",
    # returns and distributions (of the displaced, of aid)
    "عاد", "عادت", "عادوا", "عودة", "وزع", "وزعت", "توزيع",
    "اشترط", "اشترطت", "انشق", "انشقاق", "أنهى", "أنهت", "إنهاء", "فرضت", "خفض", "خفضت", "تخفيض", "رفع العقوبات",
    # the passive of any verb, by its verbal noun: "تم نقل الجرحى", "تمت إعادة الخدمة"
    "تم", "تمت",
    # more classes of the security and diplomatic news: sending forces ("أرسلت تعزيزات"), summoning and
    # expelling envoys, dismantling cells and seizing arms, reopening what was closed, a state declared (emergency,
    # mourning, martial law, general mobilisation)
    "أرسل", "أرسلت", "أرسلوا", "إرسال", "تعزيزات", "استدعى", "استدعت", "استدعاء", "طرد", "طردت", "طردوا",
    "فكك", "فككت", "تفكيك", "ضبط", "ضبطت", "أعاد فتح", "أعادت فتح", "أعيد فتح", "إعادة فتح", "حالة الطوارئ",
    "الحداد", "حدادا", "الأحكام العرفية", "النفير العام", "التعبئة العامة",
)
_PERFECTS = L.ARABIC_EVENT_WORDS + MORE_EVENT_WORDS + GENERAL_EVENT_WORDS


def _imperfects(words) -> tuple[str, ...]:
    """The present tense of the past-tense verbs above, by the rule Arabic forms it: ي/ت before the
    stem, whose hamzated alif drops ("أعلن" -> "يعلن", "رفضت" -> "ترفض", "استهدف" -> "يستهدف"); the
    present opens Wikinews-style leads ("ترفض الصين ...")."""
    out = []
    for w in words:
        if " " in w or w.startswith("ال") or not 3 <= len(w) <= 6 or w.endswith(("ة", "ات", "ين", "ون", "ى", "اء")):
            continue
        base = w[:-1] if w.endswith("ت") and len(w) > 3 else w
        stem = base[1:] if base[0] in "اأإآ" else base
        if len(stem) >= 3:
            out += ["ي" + stem, "ت" + stem]
    return tuple(out)


# past tenses whose present is no happening: "أجرى" (conducted) but "يجري" (is going on, runs)
PERFECT_ONLY = ("أجرى", "أجرت", "أجري", "أجريت")
# light verbs the rule above would make of listed ones: "يشكل" (constitutes), not "formed"
_NOT_EVENTS = {"يشكل", "تشكل", "يجري", "تجري"}
EVENT_WORDS = tuple(w for w in dict.fromkeys(_PERFECTS + _imperfects(_PERFECTS) + PERFECT_ONLY) if w not in _NOT_EVENTS)
# the event words in the present tense (the rule's forms and the listed ones: "يحتفل", "تحاصر"), not the
# perfects of derived verbs that open with ت ("تقدم", "تقرر", "توقف"): a present tells what goes on or is
# done as a habit, a happening only when a date of its own places it
IMPERFECT_EVENT_WORDS = frozenset(
    w for w in dict.fromkeys(_imperfects(_PERFECTS) + tuple(w for w in _PERFECTS if w.startswith("ي")))
    if w not in _PERFECTS or w.startswith("ي"))
