using System.Globalization;
using System.Text;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Benchmarks;

/// <summary>
/// Writes an ACLED export in the current 31-column layout, streaming (a million rows never sit in memory): rows around
/// the gazetteer's places (jittered; most at geo_precision 1, some 2 and 3; a few on the Chinese side), ACLED's event
/// type mix for the area with some out of scope (protests, violence against civilians), actors as ACLED spells them,
/// and quoted notes with commas, doubled quotes and line breaks; newest first, as ACLED's exports list rows, or in
/// random date order. Deterministic for a seed.
/// </summary>
public static class AcledFileGenerator
{
    private static readonly (string EventType, string SubEventType, int Weight, string Notes)[] Types =
    [
        ("Battles", "Armed clash", 38, "clashed with the military near {0}, residents said, and \"heavy weapons\" were used"),
        ("Battles", "Non-state actor overtakes territory", 4, "took control of the junta's camp at {0} after days of fighting"),
        ("Explosions/Remote violence", "Air/drone strike", 12, "a military jet bombed {0}, hitting houses, a school and a monastery"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", 10, "artillery shells fell on {0}, damaging homes"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", 3, "a landmine exploded on the road near {0}"),
        ("Strategic developments", "Agreement", 2, "the alliance and the military agreed a ceasefire covering {0}, Kunming talks said"),
        ("Strategic developments", "Other", 3, "the border gate at {0} was closed to trucks, traders said"),
        ("Strategic developments", "Looting/property destruction", 2, "over 20 trucks were burned at the border trade zone near {0}"),
        ("Protests", "Peaceful protest", 12, "residents of {0} protested against conscription"),
        ("Violence against civilians", "Attack", 10, "soldiers shot a civilian in {0}"),
        ("Riots", "Mob violence", 2, "a crowd attacked a police post in {0}"),
        ("Strategic developments", "Arrests", 2, "police arrested three men in {0}"),
    ];

    private static readonly string[] Actors =
    [
        "MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army",
        "PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army",
        "KIO/KIA: Kachin Independence Organization/Kachin Independence Army",
        "ULA/AA: United League of Arakan/Arakan Army",
        "PDF: People's Defense Force",
        "Military Forces of Myanmar (2021-) Border Guard Force",
    ];

    private static readonly string[] Outlets = ["Irrawaddy", "Myanmar Now", "Kachin News Group", "Shan Herald Agency for News", "RFA", "BNI"];

    /// <param name="newestFirst">Rows by event date, newest first, as ACLED's exports list them; otherwise in random date order (the worst case for the store's date indexes).</param>
    public static void Write(string path, int rows, bool newestFirst = true, int seed = 1027)
    {
        var random = new Random(seed);
        var places = Gazetteer.Bundled.Entries;
        var totalWeight = Types.Sum(type => type.Weight);
        var start = new DateOnly(2021, 2, 1);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n");
        var line = new StringBuilder(1024);
        for (var i = 0; i < rows; i++)
        {
            var place = places[random.Next(places.Count)];
            var type = Pick(random, totalWeight);
            var date = newestFirst ? start.AddDays((int)((long)(rows - 1 - i) * (4 * 365) / Math.Max(1, rows))) : start.AddDays(random.Next(0, 4 * 365));
            var precision = random.Next(100) switch { < 72 => 1, < 92 => 2, _ => 3 };
            var china = random.Next(100) < 3;
            var latitude = place.Point.Latitude + ((random.NextDouble() - 0.5) * 0.1);
            var longitude = place.Point.Longitude + ((random.NextDouble() - 0.5) * 0.1) + (china ? 0.4 : 0);
            var actor1 = Actors[random.Next(Actors.Length - 1)];
            var fatalities = random.Next(100) < 55 ? 0 : random.Next(1, 40);
            var outlets = string.Join("; ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Outlets[random.Next(Outlets.Length)]).Distinct());
            var notes = string.Format(CultureInfo.InvariantCulture,
                "On {0:d MMMM yyyy}, {1} {2} ({3}, {4}). {5}Fighting, displacement and damage were reported; the toll is unclear.{6}",
                date, ShortName(actor1), string.Format(CultureInfo.InvariantCulture, type.Notes, place.Name), place.Admin3 ?? place.Name, place.Admin1 ?? "Shan-North",
                random.Next(4) == 0 ? "Locals said \"more than 100\" people fled.\n" : string.Empty,
                random.Next(10) == 0 ? "\r\nA second report, from a local outlet, gave another figure." : string.Empty);
            line.Clear();
            Field(line, $"{(china ? "CHN" : "MMR")}{100_000 + i}");
            Field(line, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field(line, date.Year.ToString(CultureInfo.InvariantCulture));
            Field(line, random.Next(10) == 0 ? "2" : "1");
            Field(line, type.EventType == "Protests" ? "Demonstrations" : type.EventType == "Strategic developments" ? "Strategic developments" : "Political violence");
            Field(line, type.EventType);
            Field(line, type.SubEventType);
            Field(line, actor1);
            Field(line, random.Next(5) == 0 ? Actors[random.Next(Actors.Length - 1)] : string.Empty);
            Field(line, "Rebel group");
            Field(line, Actors[^1]);
            Field(line, string.Empty);
            Field(line, "State forces");
            Field(line, "State forces-Rebel group");
            Field(line, type.EventType == "Violence against civilians" ? "Civilians targeted" : string.Empty);
            Field(line, china ? "156" : "104");
            Field(line, "Southeast Asia");
            Field(line, china ? "China" : "Myanmar");
            Field(line, place.Admin1 ?? "Shan-North");
            Field(line, "Muse");
            Field(line, precision == 3 && random.Next(2) == 0 ? string.Empty : place.Admin3 ?? string.Empty);
            Field(line, place.Name);
            Field(line, latitude.ToString("0.0000", CultureInfo.InvariantCulture));
            Field(line, longitude.ToString("0.0000", CultureInfo.InvariantCulture));
            Field(line, precision.ToString(CultureInfo.InvariantCulture));
            Field(line, outlets);
            Field(line, "National");
            Field(line, notes);
            Field(line, fatalities.ToString(CultureInfo.InvariantCulture));
            Field(line, string.Empty);
            Field(line, (1_700_000_000 + i).ToString(CultureInfo.InvariantCulture), last: true);
            writer.Write(line);
        }
    }

    private static (string EventType, string SubEventType, int Weight, string Notes) Pick(Random random, int totalWeight)
    {
        var roll = random.Next(totalWeight);
        foreach (var type in Types)
        {
            roll -= type.Weight;
            if (roll < 0)
            {
                return type;
            }
        }

        return Types[0];
    }

    private static string ShortName(string actor) => actor.Contains(':', StringComparison.Ordinal) ? actor[..actor.IndexOf(':', StringComparison.Ordinal)] : actor;

    private static void Field(StringBuilder line, string value, bool last = false)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(value);
        }

        line.Append(last ? '\n' : ',');
    }
}
