package io.vigil.app.alert;

import io.vigil.core.event.ArticleClassified;
import io.vigil.testkit.ClassifiedArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small multilingual corpus for the equivalence test: on the topic, near it, and off it. */
final class Corpus {

    private static final Instant T = Instant.parse("2026-01-12T09:00:00Z");

    private Corpus() {}

    static List<ArticleClassified> articles() {
        List<ArticleClassified> out = new ArrayList<>();
        en(
                out,
                "https://wire.example/1",
                "Wire",
                "Tribunal finds forced organ harvesting continues",
                "An independent tribunal in London found that prisoners of conscience in China were"
                        + " killed for their organs. Falun Gong practitioners were the main source.",
                true,
                "CN",
                "GB");
        en(
                out,
                "https://daily.example/2",
                "Daily",
                "Organ transplant waiting times in Chinese hospitals",
                "Hospitals advertised waiting times of days for an organ transplant, far shorter than"
                        + " anywhere else.",
                true,
                "CN");
        en(
                out,
                "https://herald.example/3",
                "Herald",
                "Uyghur camps in Xinjiang",
                "Detainees in the camps of Xinjiang described forced blood tests and medical"
                        + " examinations. Uyghurs were detained in large numbers.",
                true,
                "CN");
        en(
                out,
                "https://post.example/4",
                "Post",
                "Parliament debates a transplant tourism bill",
                "The parliament debated a bill against transplant tourism; the harvesting of organs"
                        + " from detainees was mentioned.",
                true,
                "AU");
        en(
                out,
                "https://times.example/5",
                "Times",
                "Harvesting season begins early",
                "Farmers began the harvesting of wheat early this year because of the heat.",
                false);
        en(
                out,
                "https://church.example/6",
                "Church News",
                "The organ recital at the cathedral",
                "The cathedral's new organ was played for the first time at a recital on Sunday.",
                false,
                "FR");
        en(
                out,
                "https://geneva.example/7",
                "Geneva Times",
                "UN tribunal hears Geneva testimony",
                "A tribunal in Geneva heard testimony about persecution of religious minorities.",
                false,
                "CH");
        en(
                out,
                "https://weather.example/8",
                "Weather",
                "Rain all week",
                "It will rain all week.",
                false);
        en(
                out,
                "https://hospital.example/9",
                "Health Daily",
                "Hospital opens new wing",
                "The hospital opened a new wing for children. The hospitl name was misspelt on the"
                        + " sign.",
                false);
        other(
                out,
                "https://zh.example/10",
                "中文新闻",
                "zh",
                "独立法庭：强制摘取器官仍在继续",
                "独立法庭认定，强制摘取良心犯器官的做法仍在继续。法轮功学员是主要来源。",
                "CN");
        other(
                out,
                "https://zh.example/11",
                "大纪元",
                "zh",
                "新疆集中营的维吾尔人",
                "新疆的集中营关押了大量维吾尔人，他们被迫接受血液检测。",
                "CN");
        other(out, "https://zh.example/12", "中文新闻", "zh", "医院器官移植等待时间", "中国医院的器官移植等待时间只有几天。", "CN");
        other(out, "https://zh.example/13", "天气", "zh", "本周多雨", "本周北方将持续降雨。");
        other(
                out,
                "https://ja.example/14",
                "日本ニュース",
                "ja",
                "中国の臓器移植と強制摘出",
                "独立民衆法廷は、中国で良心の囚人から臓器が強制的に摘出されていると結論づけた。",
                "CN");
        other(
                out,
                "https://ko.example/15",
                "한국일보",
                "ko",
                "중국의 강제 장기 적출",
                "독립 법정은 중국에서 양심수의 장기 적출이 계속되고 있다고 밝혔다.",
                "CN");
        other(
                out,
                "https://fr.example/16",
                "Le Monde",
                "fr",
                "Le prélèvement forcé d'organes en Chine",
                "Un tribunal indépendant a conclu que des prisonniers d'opinion sont tués pour leurs"
                        + " organes.",
                "CN");
        other(
                out,
                "https://de.example/17",
                "Die Zeit",
                "de",
                "Erzwungene Organentnahme in China",
                "Ein unabhängiges Tribunal stellte fest, dass Gefangenen Organe entnommen werden.",
                "CN");
        other(
                out,
                "https://es.example/18",
                "El País",
                "es",
                "Extracción forzada de órganos en China",
                "Un tribunal independiente concluyó que se extraen órganos a presos de conciencia.",
                "CN");
        other(
                out,
                "https://ru.example/19",
                "Новости",
                "ru",
                "Принудительное изъятие органов в Китае",
                "Независимый трибунал пришёл к выводу, что у узников совести изымают органы.",
                "CN");
        other(
                out,
                "https://it.example/20",
                "Corriere",
                "it",
                "Prelievo forzato di organi in Cina",
                "Un tribunale indipendente ha concluso che ai prigionieri vengono prelevati organi.",
                "CN");
        other(
                out,
                "https://pt.example/21",
                "Folha",
                "pt",
                "Extração forçada de órgãos na China",
                "Um tribunal independente concluiu que presos de consciência são mortos.",
                "CN");
        other(
                out,
                "https://ar.example/22",
                "الجزيرة",
                "ar",
                "الحصاد القسري للأعضاء في الصين",
                "خلصت محكمة مستقلة إلى أن سجناء الرأي يقتلون من أجل أعضائهم.",
                "CN");
        return out;
    }

    private static void en(
            List<ArticleClassified> out,
            String url,
            String site,
            String title,
            String text,
            boolean onTopic,
            String... countries) {
        ClassifiedArticles a =
                ClassifiedArticles.article(url)
                        .site(site)
                        .title(title)
                        .text(text)
                        .published(T)
                        .fetchedAt(T.plusSeconds(60))
                        .countries(countries);
        if (onTopic) {
            a.topic("organ-harvesting", 0.9, "forced-harvesting");
        }
        out.add(a.build());
    }

    private static void other(
            List<ArticleClassified> out,
            String url,
            String site,
            String language,
            String title,
            String text,
            String... countries) {
        out.add(
                ClassifiedArticles.article(url)
                        .site(site)
                        .language(language)
                        .title(title)
                        .text(text)
                        .published(T)
                        .fetchedAt(T.plusSeconds(60))
                        .countries(countries)
                        .topic("organ-harvesting", countries.length > 0 ? 0.8 : 0.1)
                        .build());
    }
}
