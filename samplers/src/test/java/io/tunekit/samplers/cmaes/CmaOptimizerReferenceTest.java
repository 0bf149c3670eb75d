package io.tunekit.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.samplers.cmaes.CmaOptimizer.Solution;
import io.tunekit.samplers.cmaes.CmaOptimizer.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two generations' updates against the cmaes library 0.9.1 (Debian's python3-cmaes), the values
 * printed by src/test/python/cmaes_reference.py: the same solutions told, the state compared.
 */
class CmaOptimizerReferenceTest {

    private static final double TOL = 1e-12;

    private static void assertState(
            CmaOptimizer o, int generation, double[] mean, double sigma, double[][] cov, double[] pc, double[] pSigma) {
        assertThat(o.generation()).isEqualTo(generation);
        assertThat(o.mean()).containsExactly(mean, within(TOL));
        assertThat(o.sigma()).isCloseTo(sigma, within(TOL));
        double[][] c = o.covariance();
        for (int i = 0; i < cov.length; i++) {
            assertThat(c[i]).as("row %d", i).containsExactly(cov[i], within(TOL));
        }
        assertThat(o.pc()).containsExactly(pc, within(TOL));
        assertThat(o.pSigma()).containsExactly(pSigma, within(TOL));
        assertThat(o.shouldStop()).isFalse();
    }

    private static double[][] diagonal(double[] d) {
        double[][] m = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            m[i][i] = d[i];
        }
        return m;
    }

    @Test
    void fullCmaUpdatesAsTheLibrary() {
        double[] mean = new double[3];
        java.util.Arrays.fill(mean, 0.5);
        double[] lower = new double[3];
        double[] upper = new double[3];
        java.util.Arrays.fill(upper, 1.0);
        CmaOptimizer o = new CmaOptimizer(Variant.FULL, mean, 1.0 / 6, lower, upper, 6, null);
        o.tell(List.of(
                new Solution(
                        new double[] {0.5002460306714965, 0.5597491075016939, 0.4451724289275565}, 0.23999097603604244),
                new Solution(
                        new double[] {0.32188163224854516, 0.4090658429656555, 0.3016706890007075},
                        0.06092808202195217),
                new Solution(
                        new double[] {0.5120287205194877, 0.7680430491109067, 0.40155869628973406},
                        0.37713943567558916),
                new Solution(
                        new double[] {0.3759050200360119, 0.5979684100370397, 0.5713774016320121}, 0.27558425636751416),
                new Solution(
                        new double[] {0.5210828497995798, 0.31390639105835905, 0.4941496355073453},
                        0.21551154530420213),
                new Solution(
                        new double[] {0.6390606388916575, 0.2311570905429836, 0.40847684779195637},
                        0.2619894271961942)));
        assertState(
                o,
                1,
                new double[] {0.3925498546657151, 0.39379792811109043, 0.3676931678319744},
                0.160164486160553,
                new double[][] {
                    {0.9916693406684639, 0.12117671920764961, 0.14504012922752452},
                    {0.12117671920764961, 0.865317177332205, 0.11117714462799852},
                    {0.14504012922752452, 0.11117714462799852, 1.0510954148261458}
                },
                new double[] {-0.8245186395850593, -0.8149415485901462, -1.015256414289663},
                new double[] {-0.7357707732166205, -0.7272245217334043, -0.9059783018743713});
        // the stored form carries the whole state
        o = CmaOptimizer.fromJson(o.toJson());
        o.tell(List.of(
                new Solution(new double[] {0.012305306705546304, 0.1358903801540952, 0.0}, 0.19970020387575715),
                new Solution(
                        new double[] {0.3455316284507789, 0.14030863182234976, 0.4219460395963147}, 0.1153431499230913),
                new Solution(new double[] {0.4239000719905602, 0.35641173918509955, 0.0}, 0.10853351215715369),
                new Solution(
                        new double[] {0.2848112754963878, 0.384097739030876, 0.39035496503263595}, 0.07105589451184728),
                new Solution(
                        new double[] {0.08652270156463637, 0.2982472729043043, 0.1719893522206465},
                        0.06940284664166405),
                new Solution(
                        new double[] {0.23078240678059525, 0.6059776527883062, 0.2061862327655951},
                        0.13100649966097336)));
        assertState(
                o,
                2,
                new double[] {0.16939578983073644, 0.3272371101342506, 0.22064795205630347},
                0.19034796539671575,
                new double[][] {
                    {1.3944729406273568, 0.30403325353687427, 0.44580686202555175},
                    {0.3040332535368743, 0.8153158108046424, 0.2520881625373858},
                    {0.44580686202555186, 0.25208816253738586, 1.2208967757478577}
                },
                new double[] {-2.1447907971305087, -0.8901753931299723, -1.6210108888996335},
                new double[] {-1.9578633454295478, -0.7933568880425659, -1.4440785892444405});
        // the stored form carries the whole state
        o = CmaOptimizer.fromJson(o.toJson());
    }

    @Test
    void separableCmaUpdatesAsTheLibrary() {
        double[] mean = new double[4];
        java.util.Arrays.fill(mean, 0.5);
        double[] lower = new double[4];
        double[] upper = new double[4];
        java.util.Arrays.fill(upper, 1.0);
        CmaOptimizer o = new CmaOptimizer(Variant.SEPARABLE, mean, 1.0 / 6, lower, upper, 7, null);
        o.tell(List.of(
                new Solution(
                        new double[] {0.5002460306714965, 0.5597491075016939, 0.4451724289275565, 0.32188163224854516},
                        0.20963191603740206),
                new Solution(
                        new double[] {0.4090658429656555, 0.3016706890007075, 0.5120287205194877, 0.7680430491109067},
                        0.43300871210894454),
                new Solution(
                        new double[] {0.40155869628973406, 0.3759050200360119, 0.5979684100370397, 0.5713774016320121},
                        0.2932273905996649),
                new Solution(
                        new double[] {0.5210828497995798, 0.31390639105835905, 0.4941496355073453, 0.6390606388916575},
                        0.3682289814552281),
                new Solution(
                        new double[] {0.2311570905429836, 0.40847684779195637, 0.11975545203983118, 0.24209245204300478
                        },
                        0.0803286472974824),
                new Solution(
                        new double[] {0.13165299244165352, 0.45298177378506377, 0.24651070371125933, 0.5542528717643403
                        },
                        0.1557342902507309),
                new Solution(
                        new double[] {0.531350217324845, 0.4626138110740091, 0.0, 0.39226142083067267},
                        0.28269243998522625)));
        assertState(
                o,
                1,
                new double[] {0.2347230551028966, 0.4398933655888921, 0.19642093522620285, 0.34319702896676163},
                0.21176124766266052,
                diagonal(new double[] {1.3013155123126052, 0.8559450654214281, 1.4289393226743647, 1.0765808759889082}),
                new double[] {0.0, 0.0, 0.0, 0.0},
                new double[] {-2.011220173335988, -0.45570366367812964, -2.301611018297732, -1.1888153292152572});
        // the stored form carries the whole state
        o = CmaOptimizer.fromJson(o.toJson());
        o.tell(List.of(
                new Solution(
                        new double[] {0.2250228660226822, 0.4625551627895536, 0.0, 0.2476463737599755},
                        0.15264970214126813),
                new Solution(
                        new double[] {0.039019239491568686, 0.2781259177037722, 0.4086006599034186, 0.18169009390038232
                        },
                        0.097925474688192),
                new Solution(
                        new double[] {0.22821871411379246, 0.616771339065527, 0.07970084867754246, 0.3208566390499297},
                        0.1910760945121227),
                new Solution(
                        new double[] {0.25681588375279274, 0.4526497204399045, 0.0, 0.35842507504216325},
                        0.1646049206431728),
                new Solution(
                        new double[] {0.5064877394512042, 0.13046442996319557, 0.3682974728305225, 0.3670678341060779},
                        0.17349981397890746),
                new Solution(
                        new double[] {0.10642897628145231, 0.8399766748573767, 0.34887287764314523, 0.10333924854571697
                        },
                        0.3756077051613683),
                new Solution(
                        new double[] {0.2496263008571893, 0.5552312823229292, 0.15866451015605298, 0.4797790824058028},
                        0.17985949498644666)));
        assertState(
                o,
                2,
                new double[] {0.11995463219955006, 0.3533412463179564, 0.23929497698909788, 0.22248259603167347},
                0.235585756087459,
                diagonal(new double[] {1.1183164532914096, 0.7351467929451535, 1.260537712790122, 0.9319604178956092}),
                new double[] {-0.7047937172011405, -0.5315171920064827, 0.2632898013328597, -0.7413082079188156},
                new double[] {-1.6869151697166824, -0.8044332357286665, -1.0294489735041172, -1.3364903363127776});
        // the stored form carries the whole state
        o = CmaOptimizer.fromJson(o.toJson());
    }

    @Test
    void warmStartFitsTheBestTenPercentAsTheLibrary() {
        WarmStart.Distribution d = WarmStart.estimate(List.of(
                new Solution(new double[] {0.3742438334784708, 0.09085271350425783}, 0.8564916714362436),
                new Solution(new double[] {0.6605000674278948, 0.9314638547413545}, 2.368105065960997),
                new Solution(new double[] {0.20719116808100124, 0.630090199785343}, 8.012744652063969),
                new Solution(new double[] {0.29816309065742475, 0.7417566800693304}, 5.821620360643678),
                new Solution(new double[] {0.7221648081421175, 0.21871542456880455}, 0.9412864224039919),
                new Solution(new double[] {0.8298868742743123, 0.6576522108732432}, 4.331269402364738),
                new Solution(new double[] {0.6827989078603502, 0.820075750170535}, 4.79051298140834),
                new Solution(new double[] {0.42857290429846195, 0.758705461154919}, 1.5973891463707857),
                new Solution(new double[] {0.8784801846662539, 0.1023199219220744}, 7.345771514092146),
                new Solution(new double[] {0.8497683374661538, 0.39392733263233515}, 1.136720199214034),
                new Solution(new double[] {0.47968392351227496, 0.14633456975819847}, 3.9122819049566204),
                new Solution(new double[] {0.6984263449470935, 0.291978615987851}, 5.167401826213637),
                new Solution(new double[] {0.8711391497935891, 0.2753743769480771}, 4.306280204141778),
                new Solution(new double[] {0.5618097187308899, 0.39965622113045274}, 5.867985714381407),
                new Solution(new double[] {0.6129094919024392, 0.19663923977212372}, 7.378377872921602),
                new Solution(new double[] {0.18028754084309517, 0.7468603856498379}, 9.562672548360986),
                new Solution(new double[] {0.7522234183692774, 0.5669778744529123}, 2.8420116374879143),
                new Solution(new double[] {0.9210796772829299, 0.20577504822901882}, 6.4854720707982505),
                new Solution(new double[] {0.8509011245916515, 0.16898731132708622}, 6.962159966701554),
                new Solution(new double[] {0.9643577208942796, 0.6236927281061517}, 2.9272074901248715),
                new Solution(new double[] {0.6068837880100147, 0.9705587631326238}, 0.014900835088361708),
                new Solution(new double[] {0.787032713788771, 0.7899174760885543}, 9.734602747664127),
                new Solution(new double[] {0.054093757870965264, 0.3692863060944199}, 2.984012230168757),
                new Solution(new double[] {0.08489477216546804, 0.1935275814655144}, 3.139860020343368),
                new Solution(new double[] {0.2138669906921472, 0.8586419321659043}, 8.917110704451572),
                new Solution(new double[] {0.1267549797183054, 0.29675776838944945}, 5.851629398909081),
                new Solution(new double[] {0.4928469789243326, 0.8494604111895369}, 4.713096651818313),
                new Solution(new double[] {0.9652314208373755, 0.7081447706872417}, 7.732770096488164),
                new Solution(new double[] {0.21368721943054814, 0.5449826814580041}, 0.30346007662471197),
                new Solution(new double[] {0.7059590429868869, 0.05188252772662516}, 7.069650956556234)));
        assertThat(d.mean()).containsExactly(new double[] {0.39827161363967784, 0.5354647193649619}, within(TOL));
        assertThat(d.sigma()).isCloseTo(0.2500347575866711, within(TOL));
        double[][] cov =
                new double[][] {{0.5767344062194146, 0.5315433179833953}, {0.5315433179833953, 2.223793630243144}};
        for (int i = 0; i < cov.length; i++) {
            assertThat(d.cov()[i]).containsExactly(cov[i], within(TOL));
        }
    }

    @Test
    void marginCorrectsTheMeanAndScalingAsTheLibrary() {
        CmaOptimizer o = new CmaOptimizer(
                Variant.FULL, new double[] {0.5, 0.55, 0.43}, 0.02, new double[3], new double[] {1, 1, 1}, 6, null);
        o.useMargin(new double[] {0.0, 0.25, 0.1});
        o.tell(List.of(
                new Solution(
                        new double[] {0.5010257830175955, 0.590792426209299, 0.466741632357578}, 0.15277437253979767),
                new Solution(
                        new double[] {0.48469078769637, 0.5410609146668066, 0.4141784742089972}, 0.10525777561259768),
                new Solution(
                        new double[] {0.5170917907271588, 0.5483180668286315, 0.45240656848769634}, 0.1320184700328281),
                new Solution(
                        new double[] {0.4445802560307767, 0.5969964632409857, 0.4271070351953314}, 0.12526654800772632),
                new Solution(
                        new double[] {0.5204113535982244, 0.5459030099806952, 0.4186270429877544}, 0.12312183044058594),
                new Solution(
                        new double[] {0.5138933047579276, 0.5747354058259034, 0.42392410387919643},
                        0.13658707255685343)));
        assertThat(o.mean()).containsExactly(new double[] {0.49171164721345567, 0.5, 0.4}, within(TOL));
        assertThat(o.sigma()).isCloseTo(0.017724810563645405, within(TOL));
        double[][] cov0 = new double[][] {
            {0.9930668831448974, -0.039907843423213255, 0.04573915075776748},
            {-0.039907843423213255, 0.8368617037368007, -0.023062297607392365},
            {0.04573915075776748, -0.023062297607392365, 0.9565205864970537}
        };
        for (int i = 0; i < 3; i++) {
            assertThat(o.covariance()[i]).containsExactly(cov0[i], within(TOL));
        }
        assertThat(o.margin().scaling())
                .containsExactly(new double[] {1.0, 4.026659174754778, 1.5065534670429377}, within(1e-9));
        assertThat(o.encode(new double[] {0.61, 0.37, 0.449}))
                .containsExactly(new double[] {0.61, 0.0, 0.5}, within(TOL));
        o = CmaOptimizer.fromJson(o.toJson());
        o.tell(List.of(
                new Solution(
                        new double[] {0.48712806185634977, 0.5205709583242777, 0.3738897807415849},
                        0.08912815888824362),
                new Solution(
                        new double[] {0.4462801421015138, 0.5118494558824859, 0.37988302528936363}, 0.0726593696603255),
                new Solution(
                        new double[] {0.4341014295099148, 0.4755783900816392, 0.38597207323321764},
                        0.05620216183628066),
                new Solution(
                        new double[] {0.45591557289048784, 0.455226083478109, 0.4010991348083442},
                        0.058625837920717655),
                new Solution(
                        new double[] {0.5186291249152881, 0.4930060376611863, 0.37769211911473466},
                        0.09108609020743405),
                new Solution(
                        new double[] {0.5032614614758929, 0.5215170742158315, 0.3909996820453457},
                        0.09866597802281211)));
        assertThat(o.mean())
                .containsExactly(
                        new double[] {0.4412637407378985, 0.4726299152009319, 0.3897994817955773}, within(TOL));
        assertThat(o.sigma()).isCloseTo(0.02874487490164139, within(TOL));
        double[][] cov1 = new double[][] {
            {1.2801281763927812, 0.09511744069635578, 0.1795673426741236},
            {0.0951174406963558, 0.8862738915447899, 0.039680862553251324},
            {0.1795673426741236, 0.039680862553251296, 0.9515935024351639}
        };
        for (int i = 0; i < 3; i++) {
            assertThat(o.covariance()[i]).containsExactly(cov1[i], within(TOL));
        }
        assertThat(o.margin().scaling())
                .containsExactly(new double[] {1.0, 4.026659174754778, 1.5065534670429381}, within(1e-9));
        assertThat(o.encode(new double[] {0.61, 0.37, 0.449}))
                .containsExactly(new double[] {0.61, 0.0, 0.5}, within(TOL));
        o = CmaOptimizer.fromJson(o.toJson());
    }

    /** Against cmaes 0.13.1 (Debian's 0.9.1 has no lr_adapt): src/test/python/cmaes_lr_adapt_reference.py. */
    @Test
    void learningRateAdaptationAsTheLibrary() {
        CmaOptimizer o = new CmaOptimizer(
                Variant.FULL, new double[] {0.5, 0.5, 0.5}, 1.0 / 6, new double[3], new double[] {1, 1, 1}, 6, null);
        o.useLearningRateAdaptation();
        o.tell(List.of(
                new Solution(
                        new double[] {0.3797102862119829, 0.3013461506557783, 0.4627457566857127}, 0.12069638502604577),
                new Solution(
                        new double[] {0.5630667857098283, 0.6704069798734464, 0.5164559598982712}, 0.39865824570845226),
                new Solution(
                        new double[] {0.4171029019195651, 0.3822829466983583, 0.6123118656101887}, 0.24572080236916097),
                new Solution(
                        new double[] {0.7452174564437866, 0.5409153163767083, 0.31500070039538425}, 0.3738558045628463),
                new Solution(
                        new double[] {0.3562602191845867, 0.7400028633498668, 0.5304323660762913}, 0.34435278285476645),
                new Solution(
                        new double[] {0.2401797736340623, 0.4874455710774461, 0.32551610398328773},
                        0.07845656524598185)));
        assertThat(o.mean())
                .containsExactly(
                        new double[] {0.31267847010959204, 0.4330112753541563, 0.39741248505131566}, within(TOL));
        assertThat(o.sigma()).isCloseTo(0.1859533920254271, within(TOL));
        double[][] cov0 = new double[][] {
            {1.1802865206097573, 0.06122003130393365, 0.20908067048779305},
            {0.06122003130393365, 0.8636612269044974, 0.04286126114873748},
            {0.20908067048779305, 0.04286126114873748, 1.022849052378544}
        };
        for (int i = 0; i < 3; i++) {
            assertThat(o.covariance()[i]).containsExactly(cov0[i], within(1e-11));
        }
        assertThat(o.learningRates())
                .containsExactly(new double[] {0.9082454645532947, 0.9707622643321538}, within(TOL));
        o = CmaOptimizer.fromJson(o.toJson());
        o.tell(List.of(
                new Solution(
                        new double[] {0.21828525600035886, 0.3598104018626277, 0.2904154793064791}, 0.0420431552182613),
                new Solution(
                        new double[] {0.3956852406625855, 0.4235483795653629, 0.30899779634642494},
                        0.08563376141874748),
                new Solution(
                        new double[] {0.3741241440931596, 0.5574895714133549, 0.15095897934046412}, 0.1222471934328769),
                new Solution(
                        new double[] {0.2741689511547679, 0.28589917194755443, 0.37143920132201086},
                        0.0568881840438464),
                new Solution(
                        new double[] {0.11926565809651324, 0.436114834459795, 0.39172962389470545},
                        0.08296642009801877),
                new Solution(
                        new double[] {0.2670278074658187, 0.27582229958611937, 0.33798393548035177},
                        0.048240060657383545)));
        assertThat(o.mean())
                .containsExactly(
                        new double[] {0.24896000434588966, 0.34690479781237304, 0.3245162127874812}, within(TOL));
        assertThat(o.sigma()).isCloseTo(0.20357865008133563, within(TOL));
        double[][] cov1 = new double[][] {
            {1.2605380488872122, 0.17665518351230536, 0.39572174158832746},
            {0.17665518351230536, 0.9487689684295069, 0.18491365619610192},
            {0.3957217415883274, 0.18491365619610192, 1.0009179657869274}
        };
        for (int i = 0; i < 3; i++) {
            assertThat(o.covariance()[i]).containsExactly(cov1[i], within(1e-11));
        }
        assertThat(o.learningRates())
                .containsExactly(new double[] {0.8368376426368898, 0.9427966284515434}, within(TOL));
        o = CmaOptimizer.fromJson(o.toJson());
        o.tell(List.of(
                new Solution(
                        new double[] {0.08526066909153332, 0.14362348588166213, 0.3582340726564652},
                        0.08922943998801473),
                new Solution(
                        new double[] {0.08255751366218475, 0.5224492129891171, 0.4320043611685566},
                        0.13202264156641552),
                new Solution(new double[] {0.0, 0.38772412822424623, 0.1592587186503245}, 0.11750363094865252),
                new Solution(
                        new double[] {0.25391858736963, 0.3534495966977863, 0.026251744552813094}, 0.08325136628396405),
                new Solution(
                        new double[] {0.21394662578102416, 0.3085362931024644, 0.4688162925639454},
                        0.08612782410205068),
                new Solution(
                        new double[] {0.07174298315245731, 0.45761108248922566, 0.15967029833202026},
                        0.10236255599538005)));
        assertThat(o.mean())
                .containsExactly(
                        new double[] {0.2336757255487683, 0.32924889729025164, 0.2106436989910749}, within(TOL));
        assertThat(o.sigma()).isCloseTo(0.21607192198731778, within(TOL));
        double[][] cov2 = new double[][] {
            {1.1748383760200731, 0.2834241154130917, 0.4398012655036082},
            {0.28342411541309176, 0.9335242736283254, 0.24425438256632773},
            {0.4398012655036082, 0.2442543825663277, 1.1705555311550528}
        };
        for (int i = 0; i < 3; i++) {
            assertThat(o.covariance()[i]).containsExactly(cov2[i], within(1e-11));
        }
        assertThat(o.learningRates())
                .containsExactly(new double[] {0.7783461565670847, 0.9156554428820786}, within(TOL));
        o = CmaOptimizer.fromJson(o.toJson());
    }
}
