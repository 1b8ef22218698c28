"""Phrase readings pypinyin needs for context (重复 → chong fu): the phrases of its dictionary whose toneless
pinyin differs from the first reading of each character. Regenerate with `python -m kbassist.core.pinyin_phrases`."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

# pypinyin keeps its whole 47k-phrase dictionary in memory (~40 MB with the copy it makes); these ~3.4k phrases
# give the same toneless pinyin. One string, split at start-up: far fewer objects than a dict literal.
PINYIN_VERSION = "0.55.0"

READINGS = """\
一丘之貉	yī qiū zhī hé
一了	yī liǎo
一了百了	yī liǎo bǎi liǎo
一了百当	yī liǎo bǎi dàng
一似	yī sì
一佛出世	yī fó chū shì
一刹那	yī chà nà
一口两匙	yī kǒu liǎng chí
一叶扁舟	yí yè piān zhōu
一夕一朝	yī xī yī zhāo
一字长城	yī zì cháng chéng
一字长蛇阵	yī zì cháng shé zhèn
一宿	yī xiǔ
一弹指顷	yī tán zhǐ qǐng
一扎	yī zā
一技之长	yī jì zhī cháng
一报还一报	yī bào huán yī bào
一撮	yī zuǒ
一无所长	yī wú suǒ cháng
一无长物	yī wú cháng wù
一日三省	yī rì sān xǐng
一日之长	yī rì zhī cháng
一暴十寒	yī pù shí hán
一朝	yī zhāo
一朝一夕	yī zhāo yī xī
一朝之忿	yī zhāo zhī fèn
一朝之患	yī zhāo zhī huàn
一朝千里	yī zhāo qiān lǐ
一模一样	yī mú yī yàng
一步步地	yí bù bù de
一死了之	yī sǐ liǎo zhī
一物降一物	yī wù xiáng yī wù
一百二十行	yī bǎi èr shí háng
一目了然	yī mù liǎo rán
一目五行	yī mù wǔ háng
一目十行	yī mù shí háng
一目数行	yī mù shù háng
一笑了之	yī xiào liǎo zhī
一见了然	yī jiàn liǎo rán
一觉	yī jiào
一言中的	yì yán zhòng dì
一语中的	yī yǔ zhòng dì
一语破的	yī yǔ pò dì
一走了之	yī zǒu liǎo zhī
一还一报	yī huán yī bào
一邱之貉	yī qiū zhī hé
一重一掩	yī chóng yī yǎn
一针见血	yī zhēn jiàn xiě
一长一短	yī cháng yī duǎn
一长两短	yī cháng liǎng duǎn
一长串	yī cháng chuàn
一长二短	yī cháng èr duǎn
一长半短	yī cháng bàn duǎn
一鞭先著	yī biān xiān zhuó
一驮粮	yí duò liáng
七十二行	qī shí èr háng
七行俱下	qī háng jù xià
七返还丹	qī fǎn huán dān
七长八短	qī cháng bā duǎn
万俟	mò qí
万古长存	wàn gǔ cháng cún
万古长春	wàn gǔ cháng chūn
万古长青	wàn gǔ cháng qīng
万头攒动	wàn tóu cuán dòng
万家生佛	wàn jiā shēng fó
万箭攒心	wàn jiàn cuán xīn
万里长城	wàn lǐ cháng chéng
万里长征	wàn lǐ cháng zhēng
三不拗六	sān bù niù liù
三十六行	sān shí liù háng
三句不离本行	sān jù bù lí běn háng
三句话不离本行	sān jù huà bù lí běn háng
三天两宿	sān tiān liǎng xiǔ
三百六十行	sān bǎi liù shí háng
三省吾身	sān xǐng wú shēn
三臡八菹	sān ní bā zū
三藏	sān zàng
三重	sān chóng
三重唱	sān chóng chàng
三长两短	sān cháng liǎng duǎn
三长四短	sān cháng sì duǎn
上行	shàng háng
下不了台	xià bù liǎo tái
下乘	xià shèng
下调	xià tiáo
不了	bù liǎo
不了不当	bù liǎo bù dàng
不了了之	bù liǎo liǎo zhī
不了而了	bù liǎo ér liǎo
不亦说乎	bù yì yuè hū
不到长城非好汉	bú dào cháng chéng fēi hǎo hàn
不可揆度	bù kě kuí duó
不可究诘	bù kě jiū jié
不念僧面念佛面	bù niàn sēng miàn niàn fó miàn
不战而降	bú zhàn ér xiáng
不犯着	bù fàn zháo
不甚了了	bù shèn liǎo liǎo
不相称	bù xiāng chèn
不省人事	bù xǐng rén shì
不看僧面看佛面	bù kàn sēng miàn kàn fó miàn
不着疼热	bù zhuó téng rè
不着边际	bù zhuó biān jì
不粘锅	bù nián guō
不胜杯杓	bù shèng bēi sháo
不胜桮杓	bù shèng bēi sháo
不见经传	bù jiàn jīng zhuàn
不辟斧钺	bù bì fǔ yuè
不遗寸长	bù yí cùn cháng
与世长辞	yǔ shì cháng cí
丑角	chǒu jué
专业银行	zhuān yè yín háng
专差	zhuān chāi
专长	zhuān cháng
东量西折	dōng liàng xī shé
东阿	dōng ē
东飘西泊	dōng piāo xī bó
丢三落四	diū sān là sì
丢下耙儿弄扫帚	diū xià pá er nòng sào zhǒu
丢卒保车	diū zú bǎo jū
两肋插刀	liǎng lèi chā dāo
两重天	liǎng chóng tiān
严肃音乐	yán sù yīn yuè
中国农业银行	zhōng guó nóng yè yín háng
中牟	zhōng mù
中行	zhōng háng
中都	zhōng dū
中长	zhōng cháng
中长期	zhōng cháng qī
中长跑	zhōng cháng pǎo
丰草长林	fēng cǎo cháng lín
临了	lín liǎo
临崖勒马	lín yá lè mǎ
临时抱佛脚	lín shí bào fó jiǎo
临深履薄	lín shēn lǚ bó
丹参	dān shēn
为之语塞	wéi zhī yǔ sè
主角	zhǔ jué
丽都	lì dū
久别重逢	jiǔ bié chóng féng
久安长治	jiǔ ān cháng zhì
久长	jiǔ cháng
义薄云天	yì bó yún tiān
乍暖还寒	zhà nuǎn huán hán
乐亭	lào tíng
乐亭县	lào tíng xiàn
乐器	yuè qì
乐团	yuè tuán
乐坛	yuè tán
乐官	yuè guān
乐工	yuè gōng
乐师	yuè shī
乐府	yuè fǔ
乐府诗	yuè fǔ shī
乐律	yuè lǜ
乐感	yuè gǎn
乐户	yuè hù
乐手	yuè shǒu
乐曲	yuè qǔ
乐歌	yuè gē
乐毅	yuè yì
乐池	yuè chí
乐清	yuè qīng
乐理	yuè lǐ
乐章	yuè zhāng
乐舞	yuè wǔ
乐谱	yuè pǔ
乐迷	yuè mí
乐都	lè dū
乐队	yuè duì
乐音	yuè yīn
乘舆	shèng yú
乘间伺隙	chéng jiān sì xì
乜斜缠帐	niè xié chán zhàng
九垓八埏	jiǔ gāi bā yán
九行八业	jiǔ háng bā yè
九重	jiǔ chóng
九重关	jiǔ chóng guān
九重城	jiǔ chóng chéng
九重墙	jiǔ chóng qiáng
九重天	jiǔ chóng tiān
九重宫	jiǔ chóng gōng
九重泉	jiǔ chóng quán
九重锁	jiǔ chóng suǒ
九重闺	jiǔ chóng guī
九重阁	jiǔ chóng gé
九重霄	jiǔ chóng xiāo
乞降	qǐ xiáng
乡长	xiāng cháng
书归正传	shū guī zhèng zhuàn
买椟还珠	mǎi dú huán zhū
乱弹	luàn tán
乱弹琴	luàn tán qín
乱箭攒心	luàn jiàn cuán xīn
乳臭	rǔ xiù
乳臭未干	rǔ xiù wèi gān
了不可见	liǎo bù kě jiàn
了不得	liǎo bù dé
了不起	liǎo bù qǐ
了不长进	liǎo bù zhǎng jìn
了了	liǎo liǎo
了了可见	liǎo liǎo kě jiàn
了事	liǎo shì
了却	liǎo què
了如指掌	liǎo rú zhǐ zhǎng
了局	liǎo jú
了当	liǎo dàng
了得	liǎo de
了悟	liǎo wù
了断	liǎo duàn
了无	liǎo wú
了无惧色	liǎo wú jù sè
了望台	liào wàng tái
了然	liǎo rán
了然于胸	liǎo rán yú xiōng
了然无闻	liǎo rán wú wén
了结	liǎo jié
了若指掌	liǎo ruò zhǐ zhǎng
了解	liǎo jiě
了账	liǎo zhàng
了身脱命	liǎo shēn tuō mìng
了身达命	liǎo shēn dá mìng
争短论长	zhēng duǎn lùn cháng
争长竞短	zhēng cháng jìng duǎn
争长论短	zhēng cháng lùn duǎn
二万五千里长征	èr wàn wǔ qiān lǐ cháng zhēng
二十八宿	èr shí bā xiù
二重	èr chóng
二重唱	èr chóng chàng
二重奏	èr chóng zòu
二重性	èr chóng xìng
二重根	èr chóng gēn
于思	yú sāi
云朝雨暮	yún zhāo yǔ mù
云窗雾槛	yún chuāng wù jiàn
五藏六府	wǔ zàng liù fǔ
五行八作	wǔ háng bā zuō
五行并下	wǔ háng bìng xià
五言长城	wǔ yán cháng chéng
五金行	wǔ jīn háng
交响乐	jiāo xiǎng yuè
交差	jiāo chāi
交恶	jiāo wù
交行	jiāo háng
交还	jiāo huán
交通梗塞	jiāo tōng gěng sè
京都	jīng dū
亲家	qìng jia
亲家公	qìng jia gōng
亲家母	qìng jia mǔ
人事不省	rén shì bù xǐng
人参	rén shēn
人参果	rén shēn guǒ
人模狗样	rén mú gǒu yàng
人生如朝露	rén shēng rú zhāo lù
人生自古谁无死	rén shēng zì gǔ shéi wú sǐ
人给家足	rén jǐ jiā zú
人足家给	rén zú jiā jǐ
人轧人	rén gá rén
什件儿	shí jiàn ér
什伍东西	shí wǔ dōng xī
什围伍攻	shí wéi wǔ gōng
什物	shí wù
什袭以藏	shí xí yǐ cáng
什袭珍藏	shí xí zhēn cáng
什袭而藏	shí xí ér cáng
什锦	shí jǐn
仇姓	qiú xìng
今朝	jīn zhāo
今朝有酒今朝醉	jīn zhāo yǒu jiǔ jīn zhāo zuì
从长商议	cóng cháng shāng yì
从长计议	cóng cháng jì yì
从长计较	cóng cháng jì jiào
仓卒	cāng cù
仓卒主人	cāng cù zhǔ rén
仓卒之际	cāng cù zhī jì
仔密	zǐ mì
仔猪	zǐ zhū
仔畜	zǐ chù
仔细	zǐ xì
仔肩	zī jiān
仔鱼	zǐ yú
仔鸡	zǐ jī
以不济可	yǐ fǒu jì kě
以升量石	yǐ shēng liáng dàn
以夜继朝	yǐ yè jì zhāo
以大恶细	yǐ dà wù xì
以宫笑角	yǐ gōng xiào jué
以己度人	yǐ jǐ duó rén
以微知着	yǐ wēi zhī zhuó
以牙还牙	yǐ yá huán yá
以珠弹雀	yǐ zhū tán què
以眼还眼	yǐ yǎn huán yǎn
以规为瑱	yǐ guī wéi tiàn
以还	yǐ huán
以郄视文	yǐ xì shì wén
仰事俯畜	yǎng shì fǔ xù
仰屋着书	yǎng wū zhuó shū
仰给	yǎng jǐ
仿徨失措	páng huáng shī cuò
伎俩	jì liǎng
伏而咶天	fú ér shì tiān
伏虎降龙	fú hǔ xiáng lóng
众口难调	zhòng kǒu nán tiáo
众好众恶	zhòng hào zhòng wù
众星攒月	zhòng xīng cuán yuè
众毛攒裘	zhòng máo cuán qiú
众矢之的	zhòng shǐ zhī dì
会计	kuài jì
会计制度	kuài jì zhì dù
会计师	kuài jì shī
伛偻	yǔ lǚ
传柄移藉	chuán bǐng yí jiè
传略	zhuàn lüè
传神阿堵	chuán shén ē dǔ
传记	zhuàn jì
传记片	zhuàn jì piàn
伸长	shēn cháng
伺弄	sì nòng
伺机	sì jī
伺瑕导蠙	sì xiá dǎo pín
伺瑕导隙	sì xiá dǎo xì
伺瑕抵蠙	sì xiá dǐ pín
伺瑕抵隙	sì xiá dǐ xì
伺隙	sì xì
似乎	sì hū
似懂非懂	sì dǒng fēi dǒng
似是而非	sì shì ér fēi
似曾	sì céng
似曾相识	sì céng xiāng shí
似有如无	sì yǒu rú wú
似水如鱼	sì shuǐ rú yú
似水流年	sì shuǐ liú nián
似漆如胶	sì qī rú jiāo
似笑非笑	sì xiào fēi xiào
似箭在弦	sì jiàn zài xián
似醉如痴	sì zuì rú chī
似非而是	sì fēi ér shì
伽利略	jiā lì lüè
伽蓝	qié lán
住一宿	zhù yì xiǔ
何其相似乃尔	hé qí xiāng sì nǎi ěr
何曾	hé zēng
余勇可贾	yú yǒng kě gǔ
佛事	fó shì
佛会	fó huì
佛像	fó xiàng
佛光	fó guāng
佛光寺	fó guāng sì
佛典	fó diǎn
佛口蛇心	fó kǒu shé xīn
佛号	fó hào
佛堂	fó táng
佛塔	fó tǎ
佛头加秽	fó tóu jiā huì
佛头着粪	fó tóu zhuó fèn
佛头著粪	fó tóu zhuó fèn
佛学	fó xué
佛家	fó jiā
佛寺	fó sì
佛山	fó shān
佛山市	fó shān shì
佛心蛇口	fó xīn shé kǒu
佛性	fó xìng
佛性禅心	fó xìng chán xīn
佛手	fó shǒu
佛手柑	fó shǒu gān
佛教	fó jiào
佛教徒	fó jiào tú
佛殿	fó diàn
佛法	fó fǎ
佛爷	fó yé
佛牙	fó yá
佛珠	fó zhū
佛甲草	fó jiǎ cǎo
佛眼佛心	fó yǎn fó xīn
佛眼相看	fó yǎn xiāng kàn
佛祖	fó zǔ
佛系	fó xì
佛经	fó jīng
佛罗伦萨	fó luó lún sà
佛门	fó mén
佛门弟子	fó mén dì zǐ
佛陀	fó tuó
佛龛	fó kān
佳人薄命	jiā rén bó mìng
佹形僪状	guǐ xíng yù zhuàng
佻薄	tiāo bó
使出浑身解数	shǐ chū hún shēn xiè shù
例行差事	lì xíng chāi shì
侔色揣称	móu sè chuǎi chèn
供佛	gòng fó
供给	gōng jǐ
供给制	gōng jǐ zhì
依丱附木	yī kuàng fù mù
依阿取容	yī ē qǔ róng
侧歪	zhāi wāi
侯门似海	hóu mén sì hǎi
侯门深似海	hóu mén shēn sì hǎi
便了	biàn liǎo
便佞	pián nìng
便嬖	pián bì
便宜	pián yi
便宜货	pián yí huò
便溺	biàn niào
便血	biàn xiě
俟河之清	sì hé zhī qīng
信差	xìn chāi
修长	xiū cháng
倒嚼	dǎo jiào
倒圈	dǎo juàn
倒打一耙	dào dǎ yī pá
倒持泰阿	dào chí tài ē
倒裳索领	dào cháng suǒ lǐng
倔头强脑	juè tóu jiàng nǎo
倔強	jué jiàng
倔强	jué jiàng
倔强倨傲	jué jiàng jù ào
倘佯	cháng yáng
借尸还阳	jiè shī huán yáng
借尸还魂	jiè shī huán hún
借花献佛	jiè huā xiàn fó
倥侗	kōng tóng
倦鸟知还	juàn niǎo zhī huán
债务重组	zhài wù chóng zǔ
偏裨	piān pí
停泊	tíng bó
偿还	cháng huán
傀儡	kuǐ lěi
傍若无人	páng ruò wú rén
储蓄银行	chǔ xù yín háng
像模像样	xiàng mú xiàng yàng
僬侥	jiāo yáo
儿女亲家	ér nǚ qìng jiā
儿女情长	ér nǚ qíng cháng
儿女成行	ér nǚ chéng háng
充塞	chōng sè
先我着鞭	xiān wǒ zhuó biān
先自隗始	xiān zì wěi shǐ
光栅	guāng shān
光阴似箭	guāng yīn sì jiàn
克什米尔	kè shí mǐ ěr
免不了	miǎn bù liǎo
免麻	wèn má
兔起鹘落	tù qǐ hú luò
党参	dǎng shēn
入孝出弟	rù xiào chū tì
入行	rù háng
全军覆没	quán jūn fù mò
八竿子打不着	bā gān zǐ dǎ bù zháo
八行书	bā háng shū
公了	gōng liǎo
公差	gōng chāi
公正不阿	gōng zhèng bù ē
六安	lù ān
兰若	lán rě
关卡	guān qiǎ
兴如嚼蜡	xìng rú jiáo là
兵差	bīng chāi
养精畜锐	yǎng jīng xù ruì
兼差	jiān chāi
内传	nèi zhuàn
内省	nèi xǐng
内省不疚	nèi xǐng bù jiù
内行	nèi háng
冒顿	mò dú
冗长	rǒng cháng
军乐	jūn yuè
军乐团	jūn yuè tuán
军乐队	jūn yuè duì
农行	nóng háng
冠状动脉阻塞	guān zhuàng dòng mài zǔ sè
冠盖相属	guān gài xiāng zhǔ
冥行擿埴	míng xíng zhì zhí
冯河	píng hé
冰解的破	bīng jiě dì pò
冲模	chòng mú
冷颤	lěng zhàn
几曾	jǐ zēng
凤泊鸾漂	fèng bó luán piāo
凤泊鸾飘	fèng bó luán piāo
凤鸣朝阳	fèng míng zhāo yáng
凫短鹤长	fú duǎn hè cháng
凭藉	píng jiè
出乖露丑	chū guāi lòu chǒu
出头露面	chū tóu lòu miàn
出差	chū chāi
出没	chū mò
出没不常	chū mò bù cháng
出没无常	chū mò wú cháng
出落	chū là
出血	chū xiě
击排冒没	jī pái mào mò
击石弹丝	jī shí tán sī
凿坏以遁	záo pī yǐ dùn
凿坏而遁	záo pī ér dùn
刀刀见血	dāo dāo jiàn xiě
刀削	dāo xiāo
刀削面	dāo xiāo miàn
刁钻刻薄	diāo zuān kè bó
分星擘两	fēn xīng bò liǎng
分行	fēn háng
切削	qiē xiāo
切瑳琢磨	qiē cuō zhuó mó
切磋琢磨	qiē cuō zhuó mó
列传	liè zhuàn
刚劲	gāng jìng
刚正不阿	gāng zhèng bù ē
刚直不阿	gāng zhí bù ē
刨冰	bào bīng
刨刀	bào dāo
刨子	bào zǐ
刨平	bào píng
刨床	bào chuáng
刨木板	bào mù bǎn
刨花	bào huā
刨花板	bào huā bǎn
利口捷给	lì kǒu jié jǐ
利爪	lì zhuǎ
别传	bié zhuàn
别开蹊径	bié kāi xī jìng
别无长物	bié wú cháng wù
刮削	guā xiāo
刹时	chà shí
刹那	chà nà
刻木为鹄	kè mù wéi hú
刻章琢句	kè zhāng zhuó jù
刻薄	kè bó
刻薄寡思	kè bó guǎ sī
削球	xiāo qiú
削皮	xiāo pí
削铅笔	xiāo qiān bǐ
削面	xiāo miàn
剥剥	bāo bāo
剥取	bāo qǔ
剥壳	bāo ké
剥皮	bāo pí
剥脱	bāo tuō
剥花生	bāo huā shēng
剥苹果	bāo píng guǒ
剥除	bāo chú
副行长	fù háng zhǎng
剿袭	chāo xí
剿说	chāo shuō
力能扛鼎	lì néng gāng dǐng
劝降	quàn xiáng
办差	bàn chāi
功薄蝉翼	gōng bó chán yì
加勒比海	jiā lè bǐ hǎi
动如参商	dòng rú shēn shāng
动弹	dòng tán
劲兵	jìng bīng
劲吹	jìng chuī
劲射	jìng shè
劲敌	jìng dí
劲旅	jìng lǚ
劲松	jìng sōng
劲直	jìng zhí
劲草	jìng cǎo
劲风	jìng fēng
劲骨丰肌	jìng gǔ fēng jī
劳什子	láo shí zi
勒令	lè lìng
勒派	lè pài
勒索	lè suǒ
勒逼	lè bī
勘校	kān jiào
勤朴	qín piáo
勾勒	gōu lè
匀称	yún chèn
包扎	bāo zā
北门管钥	běi mén guǎn yuè
北门锁钥	běi mén suǒ yuè
匙子	chí zi
匪伊朝夕	fěi yī zhāo xī
区域网路	qū yù wǎng luò
十四行诗	shí sì háng shī
十夫桡椎	shí fū ráo zhuī
十夫楺椎	shí fū róu zhuī
十指有长短	shí zhǐ yǒu cháng duǎn
十行俱下	shí háng jù xià
十里堡	shí lǐ pù
十里长亭	shí lǐ cháng tíng
千乘之国	qiān shèng zhī guó
千了百了	qiān liǎo bǎi liǎo
千了百当	qiān liǎo bǎi dàng
千磨百折	qiān mó bǎi shé
午觉	wǔ jiào
半宿	bàn xiǔ
华达呢	huá dá ní
协调	xié tiáo
单于	chán yú
单姓	shàn xìng
单薄	dān bó
单鹄寡凫	dān hú guǎ fú
南乐	nán yuè
南无	nā mó
南贩北贾	nán fàn běi gǔ
博采众长	bó cǎi zhòng cháng
博闻强识	bó wén qiáng zhì
卜卦	bǔ guà
卜夜卜昼	bǔ yè bǔ zhòu
卜居	bǔ jū
卜昼卜夜	bǔ zhòu bǔ yè
卜筮	bǔ shì
卜辞	bǔ cí
卜骨	bǔ gǔ
占便宜	zhàn pián yí
占卜	zhān bǔ
卡具	qiǎ jù
卡壳	qiǎ ké
卡子	qiǎ zi
卡脖子	qiǎ bó zi
卬首信眉	áng shǒu shēn méi
危如朝露	wēi rú zhāo lù
危机重重	wēi jī chóng chóng
危若朝露	wēi ruò zhāo lù
却老还童	què lǎo huán tóng
卷土重来	juǎn tǔ chóng lái
压蔓	yā wàn
厌恶	yàn wù
厚今薄古	hòu jīn bó gǔ
厚古薄今	hòu gǔ bó jīn
厚味腊毒	hòu wèi xī dú
厚朴	hòu pò
厚此薄彼	hòu cǐ bó bǐ
厚积薄发	hòu jī bó fā
厚薄	hòu bó
厦门	xià mén
参伍错综	cēn wǔ cuò zōng
参商	shēn shāng
参商之虞	shēn shāng zhī yú
参回斗转	shēn huí dǒu zhuǎn
参差	cēn cī
参差不一	cēn cī bù yī
参差不齐	cēn cī bù qí
参差错落	cēn cī cuò luò
参校	cān jiào
参横斗转	shēn héng dǒu zhuǎn
参茸	shēn róng
参辰卯酉	shēn chén mǎo yǒu
参辰日月	shēn chén rì yuè
参错	cēn cuò
又细又长	yòu xì yòu cháng
双足重茧	shuāng zú chóng jiǎn
双重	shuāng chóng
双重人格	shuāng chóng rén gé
双重国籍	shuāng chóng guó jí
反弹	fǎn tán
反扒	fǎn pá
反朴还淳	fǎn pǔ huán chún
反正还淳	fǎn zhèng huán chún
反省	fǎn xǐng
反老还童	fǎn lǎo huán tóng
反诘	fǎn jié
反躬自省	fǎn gōng zì xǐng
发人深省	fā rén shēn xǐng
发卡	fà qiǎ
发嗲	fā diǎ
发疟子	fā yào zǐ
发短心长	fà duǎn xīn cháng
发还	fā huán
取给	qǔ jǐ
取长弃短	qǔ cháng qì duǎn
取长补短	qǔ cháng bǔ duǎn
受不了	shòu bù liǎo
受降	shòu xiáng
变贪厉薄	biàn tān lì bó
叠矩重规	dié jǔ chóng guī
口似悬河	kǒu sì xuán hé
口尚乳臭	kǒu shàng rǔ xiù
口角炎	kǒu jué yán
口轻舌薄	kǒu qīng shé bó
古典音乐	gǔ diǎn yīn yuè
古刹	gǔ chà
古朴	gǔ piáo
古调不弹	gǔ diào bù tán
古调单弹	gǔ diào dān tán
古都	gǔ dū
句读	jù dòu
另辟蹊径	lìng pì xī jìng
叨光	tāo guāng
叨在知己	tāo zài zhī jǐ
叨扰	tāo rǎo
叨拢	tāo lǒng
叨陪	tāo péi
叨陪末座	tāo péi mò zuò
只争朝夕	zhǐ zhēng zhāo xī
可恶	kě wù
可曾	kě zēng
可的松	kě dì sōng
史乘	shǐ shèng
叶韵	xié yùn
叽里呱啦	jī lǐ guā lā
吁咈都俞	xū fú dū yú
吁天呼地	yù tiān hū dì
吁求	yù qiú
吁请	yù qǐng
吃不了	chī bù liǎo
吃不了兜着走	chī bù liǎo dōu zhe zǒu
吃着不尽	chī zhuó bù jìn
吃里扒外	chī lǐ pá wài
各取所长	gè qǔ suǒ cháng
各有所长	gè yǒu suǒ cháng
各行各业	gè háng gè yè
合从连衡	hé zòng lián héng
合浦珠还	hé pǔ zhū huán
合浦还珠	hé pǔ huán zhū
吉凶未卜	jí xiōng wèi bǔ
吉卜赛	jí bǔ sài
同恶相助	tóng wù xiāng zhù
同恶相恤	tóng wù xiāng xù
同行	tóng háng
名不见经传	míng bú jiàn jīng zhuàn
名刹	míng chà
名角	míng jué
后爪	hòu zhuǎ
吐蕃	tǔ bō
吐血	tù xiě
吐谷浑	tǔ yù hún
吖啶	ā dìng
吞没	tūn mò
吟哦	yín é
否去泰来	pǐ qù tài lái
否往泰来	pǐ wǎng tài lái
否极泰回	pǐ jí tài huí
否极泰来	pǐ jí tài lái
否极阳回	pǐ jí yáng huí
否终则泰	pǐ zhōng zé tài
否终复泰	pǐ zhōng fù tài
含情脉脉	hán qíng mò mò
听差	tīng chāi
吱扭	zī niǔ
吴堡	wú bǔ
吸着	xī zhuó
吹叶嚼蕊	chuī yè jiáo ruǐ
吹弹	chuī tán
吹弹得破	chuī tán dé pò
吹弹歌舞	chuī tán gē wǔ
吹拉弹唱	chuī lā tán chàng
吹竹弹丝	chuī zhú tán sī
吹花嚼蕊	chuī huā jiáo ruǐ
呆似木鸡	dāi sì mù jī
告朔饩羊	gù shuò xì yáng
告老还乡	gào lǎo huán xiāng
告老还家	gào lǎo huán jiā
呗唱	bài chàng
呜呜咽咽	wū wū yè yè
呜咽	wū yè
呢喃	ní nán
呢喃细语	ní nán xì yǔ
呢子	ní zi
呢绒	ní róng
周长	zhōu cháng
呱呱叫	guā guā jiào
呱唧	guā jī
呱嗒	guā dā
呱嗒板儿	guā dā bǎn ér
呲牙	zī yá
味同嚼蜡	wèi tóng jiáo là
味如嚼蜡	wèi rú jiáo là
味如鸡肋	wèi rú jī lèi
呵佛骂祖	hē fó mà zǔ
呵叻	kē lè
呷醋节帅	xiā cù jié shuài
呼不给吸	hū bù jǐ xī
呼吁	hū yù
呼吁书	hū yù shū
呼天吁地	hū tiān yù dì
命薄	mìng bó
咋呼	zhā hū
咋舌	zé shé
和了	hú le
和弄	huò nòng
和泥	huó ní
和稀泥	huò xī ní
和药	huò yào
和面	huó miàn
和颜说色	hé yán yuè sè
咔嚓	kā chā
咖喱	gā lí
咬人狗儿不露齿	yǎo rén gǒu ér bù lòu chǐ
咬文嚼字	yǎo wén jiáo zì
咬钉嚼铁	yǎo dīng jiáo tiě
咯血	kǎ xiě
咱家	zá jiā
咳咳	hāi hāi
咳声叹气	hāi shēng tàn qì
咳血	ké xiě
哀的美敦书	āi dì měi dūn shū
品竹弹丝	pǐn zhú tán sī
品竹调丝	pǐn zhú tiáo sī
哈什蚂	hà shí mǎ
哧哧地笑	chī chī de xiào
哨卡	shào qiǎ
哪会儿	něi huì er
哪吒	né zhā
哺糟啜醨	bǔ zāo chuò lí
哽咽	gěng yè
哽塞	gěng sè
唯邻是卜	wéi lín shì bǔ
唱主角	chàng zhǔ jué
啁啾	zhōu jiū
商行	shāng háng
商贾	shāng gǔ
啛啛喳喳	cuì cuì chā chā
啜泣	chuò qì
啜英咀华	chuò yīng jǔ huá
啜菽饮水	chuò shū yǐn shuǐ
啜食吐哺	chuò shí tǔ bǔ
喀什	kā shí
喀嚓	kā chā
善善从长	shàn shàn cóng cháng
善善恶恶	shàn shàn wù è
善贾而沽	shàn gǔ ér gū
喉长气短	hóu cháng qì duǎn
喔喔	wō wō
喙长三尺	huì cháng sān chǐ
喟然长叹	kuì rán cháng tàn
喷薄	pēn bó
喷薄欲出	pēn bó yù chū
嗒丧	tà sàng
嗒然	tà rán
嗒然若丧	tà rán ruò sàng
嘁哩喀喳	qī lǐ kā chā
嘲哳	zhāo zhā
嘴快舌长	zuǐ kuài shé cháng
器乐	qì yuè
噱头	xué tou
噶厦	gá xià
嚼子	jiáo zi
嚼穿龈血	jiáo chuān yín xuè
嚼腭搥床	jiáo è chuí chuáng
嚼舌	jiáo shé
嚼舌头	jiáo shé tou
嚼舌根	jiáo shé gēn
嚼铁咀金	jiáo tiě jǔ jīn
嚼齿穿龈	jiáo chǐ chuān yín
四不拗六	sì bù niù liù
四重唱	sì chóng chàng
四马攒蹄	sì mǎ cuán tí
回弹	huí tán
回纥	huí hé
回还	huí huán
囤积	tún jī
囤积居奇	tún jī jū qí
囤聚	tún jù
困觉	kùn jiào
困难重重	kùn nán chóng chóng
固着	gù zhuó
国乐	guó yuè
国都	guó dū
国际复兴开发银行	guó jì fù xīng kāi fā yín háng
图穷匕见	tú qióng bǐ xiàn
图穷匕首见	tú qióng bǐ shǒu xiàn
圈牢养物	juàn láo yǎng wù
土堡	tǔ pù
圣经贤传	shèng jīng xián zhuàn
在行	zài háng
圩场	xū cháng
地久天长	dì jiǔ tiān cháng
地壳	dì qiào
地壳运动	dì qiào yùn dòng
地暴十寒	dì pù shí hán
地窨子	dì yìn zi
地藏	dì zàng
地藏寺	dì zàng sì
坐不重席	zuò bù chóng xí
坤角儿	kūn jué ér
坦率	tǎn shuài
垫圈	diàn juàn
埋三怨四	mán sān yuàn sì
埋天怨地	mán tiān yuàn dì
埋怨	mán yuàn
埋没	mái mò
埒才角妙	liè cái jué miào
堙没	yīn mò
堡子	bǔ zi
堰塞湖	yàn sè hú
堵塞	dǔ sè
塔什干	tǎ shí gàn
塞擦音	sè cā yīn
塞责	sè zé
塞音	sè yīn
填塞	tián sè
壅塞	yōng sè
声乐	shēng yuè
复辟	fù bì
夏虫朝菌	xià chóng zhāo jūn
夕惕朝乾	xī tì zhāo qián
外传	wài zhuàn
外行	wài háng
外行人	wài háng rén
外行话	wài háng huà
多咱	duō zá
多普勒效应	duō pǔ lè xiào yìng
多言数穷	duō yán shuò qióng
多财善贾	duō cái shàn gǔ
多钱善贾	duō qián shàn gǔ
夜如何其	yè rú hé jī
夜长梦多	yè cháng mèng duō
夜长梦短	yè cháng mèng duǎn
大不了	dà bù liǎo
大伯子	dà bǎi zǐ
大埔	dà bù
大堡礁	dà pù jiāo
大处着墨	dà chù zhuó mò
大处着眼	dà chù zhuó yǎn
大换血	dà huàn xiě
大排行	dà pái háng
大模大样	dà mú dà yàng
大气磅礴	dà qì páng bó
大率	dà shuài
大璞不完	tài pú bù wán
大缪不然	dà miù bù rán
大腹便便	dà fù pián pián
大藏	dà zàng
大藏经	dà zàng jīng
大行大市	dà háng dà shì
大路椎轮	dà lù zhuī lún
大辂椎轮	dà lù zhuī lún
大都	dà dū
大都会	dà dū huì
大黄鱼	dài huáng yú
天地长久	tiān dì cháng jiǔ
天姥山	tiān mǔ shān
天道好还	tiān dào hǎo huán
天长地久	tiān cháng dì jiǔ
天长地老	tiān cháng dì lǎo
天长日久	tiān cháng rì jiǔ
太子参	tài zi shēn
太行山	tài háng shān
太阿	tài ē
太阿倒持	tài ē dào chí
太阿在握	tài ē zài wò
央行	yāng háng
失着	shī zhāo
失调	shī tiáo
头上著头	tóu shàng zhuó tóu
头会箕敛	tóu kuài jī liǎn
头会箕赋	tóu kuài jī fù
头出头没	tóu chū tóu mò
头没杯案	tóu mò bēi àn
奇偶	jī ǒu
奇函数	jī hán shù
奇数	jī shù
奇零	jī líng
奉公不阿	fèng gōng bù ē
奉还	fèng huán
奏乐	zòu yuè
奠都	diàn dū
女主角	nǚ zhǔ jué
女红	nǚ gōng
女角	nǚ jué
好似	hǎo sì
好佚恶劳	hào yì wù láo
好善恶恶	hǎo shàn wù è
好恶	hào wù
好景不长	hǎo jǐng bù cháng
好梦不长	hǎo mèng bù cháng
好语似珠	hǎo yǔ sì zhū
好逸恶劳	hào yì wù láo
如履薄冰	rú lǚ bó bīng
如来佛	rú lái fó
如狼似虎	rú láng sì hǔ
如痴似醉	rú chī sì zuì
如胶似漆	rú jiāo sì qī
如花似月	rú huā sì yuè
如花似朵	rú huā sì duǒ
如花似玉	rú huā sì yù
如花似锦	rú huā sì jǐn
如饥似渴	rú jī sì kě
如鱼似水	rú yú sì shuǐ
如龙似虎	rú lóng sì hǔ
妄自菲薄	wàng zì fěi bó
妙着	miào zhāo
姑射神人	gū yè shén rén
姓仇	xìng qiú
姓解	xìng xiè
委肉虎蹊	wěi ròu hǔ xī
委蛇	wēi yí
威吓	wēi hè
娉婷婀娜	pīng tíng ē nuó
娉婷袅娜	pīng tíng niǎo nuó
婀娜	ē nuó
婀娜多姿	ē nuó duō zī
嫌恶	xián wù
嫌长道短	xián cháng dào duǎn
字模	zì mú
字里行间	zì lǐ háng jiān
存亡未卜	cún wáng wèi bǔ
孟什维克	mèng shí wéi kè
孤独矜寡	gū dú guān guǎ
学有专长	xué yǒu zhuān cháng
孱弱	chán ruò
守正不阿	shǒu zhèng bù ē
官差	guān chāi
定都	dìng dū
宛似	wǎn sì
宝刹	bǎo chà
宝坻	bǎo dǐ
宝藏	bǎo zàng
审己度人	shěn jǐ duó rén
审度	shěn duó
审时度势	shěn shí duó shì
审曲面埶	shěn qǔ miàn shì
审校	shěn jiào
宴安酖毒	yàn ān dān dú
家什	jiā shí
家给人足	jiā jǐ rén zú
家给户足	jiā jǐ hù zú
家给民足	jiā jǐ mín zú
家长礼短	jiā cháng lǐ duǎn
家长里短	jiā cháng lǐ duǎn
家雀	jiā qiǎo
家雀儿	jiā qiǎo ér
宿水飡风	xiǔ shuǐ cān fēng
宿水餐风	xiǔ shuǐ cān fēng
宿雨餐风	xiǔ yǔ cān fēng
富商大贾	fù shāng dà gǔ
富商巨贾	fù shāng jù gǔ
富国彊兵	fù guó qiáng bīng
富贾	fù gǔ
寒伧	hán chen
寒颤	hán zhàn
寓意深长	yù yì shēn cháng
寡凫单鹄	guǎ fú dān hú
寸善片长	cùn shàn piàn cháng
寸有所长	cùn yǒu suǒ cháng
寸长尺技	cùn cháng chǐ jì
寸长尺短	cùn cháng chǐ duǎn
寸长片善	cùn cháng piàn shàn
对牛弹琴	duì niú tán qín
对称	duì chèn
对称性	duì chèn xìng
对称轴	duì chèn zhóu
对薄公堂	duì bù gōng táng
寻思	xín sī
寻瑕伺隙	xún xiá sì xì
寻行数墨	xún háng shǔ mò
封禅	fēng shàn
封豕长蛇	fēng shǐ cháng shé
射干	yè gàn
将伯之助	qiāng bó zhī zhù
将伯之呼	qiāng bó zhī hū
将功折过	jiāng gōng shé guò
将将	qiāng qiāng
将进酒	qiāng jìn jiǔ
尉犁	yù lí
尉迟	yù chí
小传	xiǎo zhuàn
小便宜	xiǎo pián yí
小时了了	xiǎo shí liǎo liǎo
小眼薄皮	xiǎo yǎn bó pí
少不了	shào bù liǎo
尖削	jiān xiāo
尖嘴薄舌	jiān zuǐ bó shé
尖酸刻薄	jiān suān kè bó
尸居龙见	shī jū lóng xiàn
尺短寸长	chǐ duǎn cùn cháng
尽其所长	jìn qí suǒ cháng
尿泡	suī pào
尿脬	suī pāo
尿血	niào xiě
层见迭出	céng xiàn dié chū
居不重席	jū bù chóng xí
居不重茵	jū bù chóng yīn
屈折	qū shé
屏住	bǐng zhù
屏声息气	bǐng shēng xī qì
屏声敛息	bǐng shēng liǎn xī
屏声静气	bǐng shēng jìng qì
屏弃	bǐng qì
屏息	bǐng xī
屏气	bǐng qì
屏气凝神	bǐng qì níng shén
屏气吞声	bǐng qì tūn shēng
屏气慑息	bǐng qì shè xī
屏气敛息	bǐng qì liǎn xī
屏迹	bǐng jì
屏退	bǐng tuì
屏除	bǐng chú
屙金溺银	ē jīn niào yín
属垣有耳	zhǔ yuán yǒu ěr
属意	zhǔ yì
属文	zhǔ wén
属望	zhǔ wàng
属毛离里	zhǔ máo lí lǐ
属词比事	zhǔ cí bǐ shì
属辞比事	zhǔ cí bǐ shì
屠门大嚼	tú mén dà jiáo
履薄临深	lǚ bó lín shēn
山大王	shān dài wáng
山殽野湋	shān yáo yě wéi
山行海宿	shān xíng hǎi xiǔ
山重水复	shān chóng shuǐ fù
山长水远	shān cháng shuǐ yuǎn
山长水阔	shān cháng shuǐ kuò
山高水长	shān gāo shuǐ cháng
岁聿其莫	suì yù qí mù
岂弟君子	kǎi tì jūn zǐ
峨峨汤汤	é é shāng shāng
工尺	gōng chě
工行	gōng háng
左传	zuǒ zhuàn
左支右调	zuǒ zhī yòu tiáo
巨擘	jù bò
巨贾	jù gǔ
差事	chāi shì
差人去	chāi rén qù
差人去请医生	chāi rén qù qǐng yī shēng
差使	chāi shǐ
差役	chāi yì
差拨	chāi bō
差旅费	chāi lǚ fèi
差缺	chāi quē
差遣	chāi qiǎn
差饷	chāi xiǎng
巴勒斯坦	bā lè sī tǎn
巴尔喀什湖	bā ěr kā shí hú
巷道	hàng dào
市场调节	shì chǎng tiáo jié
布尔什维克	bù ěr shí wéi kè
帝都	dì dū
帷薄不修	wéi bó bù xiū
干哕	gān yuě
干将莫邪	gān jiāng mò yé
干着急	gān zháo jí
平巷	píng hàng
幽咽	yōu yè
广东音乐	guǎng dōng yīn yuè
广种薄收	guǎng zhòng bó shōu
应徵	yìng zhǐ
度人之心	duó rén zhī xīn
度人之腹	duó rén zhī fù
度己以绳	duó jǐ yǐ shéng
度德量力	duó dé liàng lì
度长絜大	dù cháng xié dà
度长絜短	dù cháng xié duǎn
延长	yán cháng
建行	jiàn háng
建都	jiàn dū
开小差	kāi xiǎo chāi
开户行	kāi hù háng
弃短就长	qì duǎn jiù cháng
弃短用长	qì duǎn yòng cháng
弄口	lòng kǒu
弄堂	lòng táng
弄管调弦	nòng guǎn tiáo xián
引吭悲歌	yǐn háng bēi gē
引吭高唱	yǐn háng gāo chàng
引吭高声	yǐn háng gāo shēng
引吭高歌	yǐn háng gāo gē
引短推长	yǐn duǎn tuī cháng
张靓颖	zhāng liàng yǐng
弥勒	mí lè
弥勒佛	mí lè fó
弦乐	xián yuè
弦乐器	xián yuè qì
弹丝品竹	tán sī pǐn zhú
弹丸脱手	tán wán tuō shǒu
弹冠振衣	tán guān zhèn yī
弹冠振衿	tán guān zhèn jīn
弹冠相庆	tán guān xiāng qìng
弹冠结绶	tán guān jié shòu
弹剑作歌	tán jiàn zuò gē
弹力	tán lì
弹劾	tán hé
弹劾案	tán hé àn
弹射	tán shè
弹性	tán xìng
弹性体	tán xìng tǐ
弹指之间	tán zhǐ zhī jiān
弹斤估两	tán jīn gū liǎng
弹琴	tán qín
弹空说嘴	tán kōng shuō zuǐ
弹簧	tán huáng
弹簧床	tán huáng chuáng
弹簧钢	tán huáng gāng
弹腿	tán tuǐ
弹词	tán cí
弹跳力	tán tiào lì
弹钢琴	tán gāng qín
强似	qiáng sì
强劲	qiáng jìng
强嘴	jiàng zuǐ
强嘴拗舌	jiàng zuǐ niù shé
强嘴硬牙	jiàng zuǐ yìng yá
强弓劲弩	qiáng gōng jìng nǔ
强聒不舍	qiǎng guō bù shě
强自取折	qiáng zì qǔ shé
归心似箭	guī xīn sì jiàn
归省	guī xǐng
归还	guī huán
归降	guī xiáng
当差	dāng chāi
当着不着	dāng zhuó bù zhuó
当行出色	dāng háng chū sè
当行本色	dāng háng běn sè
形似	xíng sì
彫肝琢肾	diāo gān zhuó shèn
彰明较着	zhāng míng jiào zhù
彷佛	páng fó
往渚还汀	wǎng zhǔ huán tīng
往还	wǎng huán
得亏	děi kuī
得喝水了	děi hē shuǐ le
得薄能鲜	dé bó néng xiān
得马折足	dé mǎ shé zú
微薄	wēi bó
德州扒鸡	dé zhōu pá jī
德薄才疏	dé bó cái shū
德薄能鲜	dé bó néng xiǎn
心事重重	xīn shì chóng chóng
心宽体胖	xīn kuān tǐ pán
心广体胖	xīn guǎng tǐ pán
心惊胆颤	xīn jīng dǎn zhàn
心拙口夯	xīn zhuō kǒu bèn
心痒难挝	xīn yǎng nán zhuā
心肌梗塞	xīn jī gěng sè
心长力短	xīn cháng lì duǎn
心长发短	xīn cháng fà duǎn
心长绠短	xīn cháng gěng duǎn
必得	bì děi
忖度	cǔn duó
忘啜废枕	wàng chuò fèi zhěn
念佛	niàn fó
怔忪	zhēng zhōng
急景凋年	jí yǐng diāo nián
急来报佛脚	jí lái bào fó jiǎo
急来抱佛脚	jí lái bào fó jiǎo
总得	zǒng děi
恐吓	kǒng hè
恫吓	dòng hè
恫疑虚猲	dòng yí xū gé
恰似	qià sì
恶不去善	wù bù qù shàn
恶噷噷	è hěn hěn
恶居下流	wù jū xià liú
恶恶从短	wù wù cóng duǎn
恶湿居下	wù shī jū xià
恶紫夺朱	wù zǐ duó zhū
恶醉强酒	wù zuì qiǎng jiǔ
悉索薄赋	xī suǒ bó fù
悬崖勒马	xuán yá lè mǎ
悬石程书	xuán dàn chéng shū
悬鼓待椎	xuán gǔ dài zhuī
悲咽	bēi yè
情深似海	qíng shēn sì hǎi
情深意长	qíng shēn yì cháng
情见乎辞	qíng xiàn hū cí
情见力屈	qíng xiàn lì qū
情见势屈	qíng xiàn shì qū
情见埶竭	qíng jiàn shì jié
情长纸短	qíng cháng zhǐ duǎn
惩艾	chéng yì
愁多夜长	chóu duō yè cháng
愁长殢酒	chóu cháng tì jiǔ
意义深长	yì yì shēn cháng
意味深长	yì wèi shēn cháng
愚氓	yú méng
慕古薄今	mù gǔ bó jīn
慰藉	wèi jiè
憎恶	zēng wù
懂行	dǒng háng
懒觉	lǎn jiào
戎行	róng háng
成佛作祖	chéng fó zuò zǔ
成宿	chéng xiǔ
成行	chéng háng
成都	chéng dū
成都市	chéng dū shì
成都平原	chéng dū píng yuán
戟指嚼舌	jǐ zhǐ jiáo shé
截长补短	jié cháng bǔ duǎn
扁舟	piān zhōu
手足重茧	shǒu zú chóng jiǎn
才疏德薄	cái shū dé bó
才薄智浅	cái bó zhì qiǎn
才轻德薄	cái qīng dé bó
扎染	zā rǎn
扒手	pá shǒu
扒灰	pá huī
扒窃	pá qiè
扒粪	pá fèn
扒糕	pá gāo
扒耳搔腮	pá ěr sāo sāi
扒草	pá cǎo
扒鸡	pá jī
打击乐	dǎ jī yuè
打击乐器	dǎ jī yuè qì
打的	dǎ dī
打颤	dǎ zhàn
扛长工	káng cháng gōng
扛鼎	gāng dǐng
扛鼎抃牛	gāng dǐng biàn niú
扛鼎拔山	gāng dǐng bá shān
扞格不入	hàn gé bù rù
扣壶长吟	kòu hú cháng yín
执拗	zhí niù
执着	zhí zhuó
执著	zhí zhuó
扪参历井	mén shēn lì jǐng
扬眉眴目	yáng méi shùn mù
扬长	yáng cháng
扬长而去	yáng cháng ér qù
扬长避短	yáng cháng bì duǎn
扬风扢雅	yáng fēng jié yǎ
扯篷拉纤	chě péng lā qiàn
扯纤拉烟	chě qiàn lā yān
批吭捣虚	pī háng dǎo xū
批砉导窾	pī huā dǎo kuǎn
扼吭夺食	è háng duó shí
扼吭拊背	è háng fǔ bèi
扼腕长叹	è wàn cháng tàn
找着	zhǎo zháo
抄没	chāo mò
抑塞磊落	yì sè lěi luò
抓差	zhuā chāi
投传而去	tóu zhuàn ér qù
投降	tóu xiáng
折堕	shé duò
折本	shé běn
折秤	shé chèng
折箭为誓	shé jiàn wéi shì
折耗	shé hào
折腰五斗	shé yāo wǔ dòu
折长补短	zhé cháng bǔ duǎn
抟沙嚼蜡	tuán shā jiáo là
报销差旅费	bào xiāo chāi lǚ fèi
抨弹	pēng tán
抱佛脚	bào fó jiǎo
抱关执钥	bào guān zhí yuè
抱蔓摘瓜	bào wàn zhāi guā
抹下来	mā xià lái
抹布	mā bù
抹桌子	mā zhuō zi
抽咽	chōu yè
抽祕骋妍	chōu bì chěng yán
抽筋剥皮	chōu jīn bāo pí
拉枯折朽	lā kū shé xiǔ
拉纤	lā qiàn
拉长	lā cháng
拌和	bàn huò
拍卖行	pāi mài háng
拓印	tà yìn
拓本	tà běn
拓片	tà piàn
拔山扛鼎	bá shān gāng dǐng
拔本塞原	bá běn sè yuán
拔本塞源	bá běn sè yuán
拖沓	tuō tà
拖长	tuō cháng
拗不过	niù bù guò
拙朴	zhuō piáo
招行	zhāo háng
招降	zhāo xiáng
招降纳叛	zhāo xiáng nà pàn
拜佛	bài fó
拣佛烧香	jiǎn fó shāo xiāng
拥塞	yōng sè
择不开	zhái bù kāi
择席	zhái xí
择菜	zhái cài
拭目以俟	shì mù yǐ sì
拱券	gǒng xuàn
拱手而降	gǒng shǒu ér xiáng
拶子	zǎn zi
拶指	zǎn zhǐ
拽耙扶犁	zhuāi pá fú lí
拾带重还	shí dài zhòng huán
拾级而上	shè jí ér shàng
持人长短	chí rén cháng duǎn
指不胜偻	zhǐ bù shèng lǚ
按章给付	àn zhāng jǐ fù
挑么挑六	tiāo yāo tiāo liù
挟主行令	jiā zhǔ xíng lìng
挨山塞海	āi shān sè hǎi
挺括	tǐng guā
挼好长发	ruó hǎo cháng fà
捆扎	kǔn zā
捋虎须	luō hǔ xū
捋袖子	luō xiù zi
捋袖揎拳	luō xiù xuān quán
捡便宜	jiǎn pián yí
换血	huàn xiě
换行	huàn háng
捣虚批吭	dǎo xū pī háng
捰袖揎拳	luò xiù xuān quán
捱风缉缝	āi fēng qī fèng
掂梢折本	diān shāo shé běn
掌掴	zhǎng guó
掎挈伺诈	jǐ qiè sì zhà
掎裳连袂	jǐ cháng lián mèi
排行	pái háng
排行榜	pái háng bǎng
推枯折腐	tuī kū shé fǔ
掴手	guó shǒu
掺和	chān huo
揆情度理	kuí qíng duó lǐ
揆理度情	kuí lǐ duó qíng
揎拳捋袖	xuān quán luō xiù
揎拳捰袖	xuān quán luǒ xiù
提溜	dī liū
提防	dī fáng
揣度	chuǎi duó
揣时度力	chuǎi shí duó lì
揭衣涉水	qì yī shè shuǐ
援藏	yuán zàng
搀和	chān huo
搀行夺市	chān háng duó shì
搅和	jiǎo huo
搅混	jiǎo gǔn
搪塞	táng sè
搪差使	táng chāi shǐ
摇滚乐	yáo gǔn yuè
摩挲	mā sā
摸不着	mō bù zháo
摸不着头脑	mō bù zháo tóu nǎo
摸不着边	mō bù zhuó biān
摸头不着	mō tóu bù zháo
摸门不着	mō mén bù zháo
撤差	chè chāi
擅长	shàn cháng
擘两分星	bò liǎng fēn xīng
擘划	bò huà
擘画	bò huà
擘肌分理	bò jī fēn lǐ
擿埴索涂	zhāi zhí suǒ tú
擿埴索途	zhāi zhí suǒ tú
擿植索涂	zhāi zhí suǒ tú
攀蟾折桂	pān chán shé guì
攒三聚五	cuán sān jù wǔ
攒三集五	cuán sān jí wǔ
攒动	cuán dòng
攒射	cuán shè
攒盒	cuán hé
攒眉	cuán méi
攒眉蹙额	cuán méi cù é
攒聚	cuán jù
攒锋聚镝	cuán fēng jù dí
攒集	cuán jí
攒零合整	cuán líng hé zhěng
支差	zhī chāi
支着	zhī zhāo
支着儿	zhī zhāo ér
改口沓舌	gǎi kǒu tà shé
改行	gǎi háng
攻心扼吭	gōng xīn è háng
放血	fàng xiě
放还	fàng huán
放长线钓大鱼	fàng cháng xiàn diào dà yú
故伎重演	gù jì chóng yǎn
故态复还	gù tài fù huán
故技重演	gù jì chóng yǎn
故都	gù dū
救寒莫如重裘	jiù hán mò rú chóng qiú
教音乐	jiāo yīn yuè
敛声屏息	liǎn shēng bǐng xī
敛声屏气	liǎn shēng bǐng qì
敛容屏气	liǎn róng bǐng qì
敛色屏气	liǎn sè bǐng qì
敦朴	dūn piáo
敩学相长	xiào xué xiāng cháng
数不着	shǔ bù zháo
数得着	shǔ de zháo
数短论长	shǔ duǎn lùn cháng
数见不鲜	shuò jiàn bù xiān
敲榨勒索	qiāo zhà lè suǒ
敲诈勒索	qiāo zhà lè suǒ
敲骨剥髓	qiāo gǔ bāo suǐ
整躬率物	zhěng gōng shuài wù
敷衍了事	fū yǎn liǎo shì
敷衍塞责	fū yǎn sè zé
敷衍搪塞	fū yǎn táng sè
文似其人	wén sì qí rén
文蛤	wén gé
斗转参横	dǒu zhuǎn shēn héng
断还归宗	duàn huán guī zōng
断长续短	duàn cháng xù duǎn
断长补短	duàn cháng bǔ duǎn
新长征	xīn cháng zhēng
方寸万重	fāng cùn wàn chóng
方正不阿	fāng zhèng bù ē
於菟	wū tú
旋干转坤	xuán qián zhuǎn kūn
无以塞责	wú yǐ sè zé
无伤无臭	wú shāng wú xiù
无佛处称尊	wú fó chù chēng zūn
无声无臭	wú shēng wú xiù
无的放矢	wú dì fàng shǐ
无着	wú zhuó
无臭	wú xiù
无色无臭	wú sè wú xiù
无適无莫	wú dí wú mò
无间可伺	wú jiān kě sì
日不暇给	rì bù xiá jǐ
日久天长	rì jiǔ tiān cháng
日久岁长	rì jiǔ suì cháng
日削月朘	rì xuē yuè juān
日引月长	rì yǐn yuè cháng
日月参辰	rì yuè shēn chén
日月重光	rì yuè chóng guāng
日朘月减	rì juān yuè jiǎn
日朘月削	rì juān yuè xuē
日没	rì mò
日省月修	rì xǐng yuè xiū
日省月试	rì xǐng yuè shì
日省月课	rì xǐng yuè kè
日短心长	rì duǎn xīn cháng
日薄西山	rì bó xī shān
日近长安远	rì jìn cháng ān yuǎn
日长一线	rì cháng yī xiàn
日长似岁	rì cháng sì suì
旦角	dàn jué
旦角儿	dàn jué ér
旧事重提	jiù shì chóng tí
旧地重游	jiù dì chóng yóu
旧话重提	jiù huà chóng tí
旧调重弹	jiù diào chóng tán
旧都	jiù dū
旧雨重逢	jiù yǔ chóng féng
时运不齐	shí yùn bù jì
时长	shí cháng
旷日长久	kuàng rì cháng jiǔ
明了	míng liǎo
明珠弹雀	míng zhū tán què
明白了当	míng bái liǎo dàng
昏定晨省	hūn dìng chén xǐng
昏迷不省	hūn mí bù xǐng
昏镜重明	hūn jìng chóng míng
昏镜重磨	hūn jìng chóng mó
星宿	xīng xiù
春深似海	chūn shēn sì hǎi
昭德塞违	zhāo dé sè wéi
昼度夜思	zhòu duó yè sī
晏安酖毒	yàn ān dān dú
晦盲否塞	huì máng pǐ sè
晨昏定省	chén hūn dìng xǐng
普天率土	pǔ tiān shuài tǔ
暖和	nuǎn huo
暮去朝来	mù qù zhāo lái
暮四朝三	mù sì zhāo sān
暮想朝思	mù xiǎng zhāo sī
暮暮朝朝	mù mù zhāo zhāo
暮爨朝舂	mù cuàn zhāo chōng
暮翠朝红	mù cuì zhāo hóng
暮虢朝虞	mù guó zhāo yú
暮雨朝云	mù yǔ zhāo yún
暴晒	pù shài
暴腮龙门	pù sāi lóng mén
暴虎冯河	bào hǔ píng hé
暴衣露冠	pù yī lù guàn
暴衣露盖	pù yī lù gài
暴露文学	bào lòu wén xué
曝光	bào guāng
曝光表	bào guāng biǎo
更长梦短	gēng cháng mèng duǎn
曾不惨然	zēng bù cǎn rán
曾参杀人	zēng shēn shā rén
曾孙	zēng sūn
曾母投杼	zēng mǔ tóu zhù
曾祖	zēng zǔ
曾祖母	zēng zǔ mǔ
曾祖父	zēng zǔ fù
月中折桂	yuè zhōng shé guì
月夕花朝	yuè xī huā zhāo
月夜花朝	yuè yè huā zhāo
月氏	yuè zhī
月没参横	yuè mò shēn héng
月落参横	yuè luò shēn héng
有三有俩	yǒu sān yǒu liǎng
有中国特色的社会主义	yǒu zhōng guó tè shǎi de shè huì zhǔ yì
有借无还	yǒu jiè wú huán
有冯有翼	yǒu píng yǒu yì
有朝一日	yǒu zhāo yī rì
有模有样	yǒu mú yǒu yàng
有的放矢	yǒu dì fàng shǐ
服务行业	fú wù háng yè
服差役	fú chāi yì
朝三暮二	zhāo sān mù èr
朝三暮四	zhāo sān mù sì
朝不保夕	zhāo bù bǎo xī
朝不保暮	zhāo bù bǎo mù
朝不及夕	zhāo bù jí xī
朝不虑夕	zhāo bù lǜ xī
朝不谋夕	zhāo bù móu xī
朝乾夕惕	zhāo qián xī tì
朝乾夕愓	zhāo qián xī dàng
朝云暮雨	zhāo yún mù yǔ
朝令夕改	zhāo lìng xī gǎi
朝令暮改	zhāo lìng mù gǎi
朝会	zhāo huì
朝前夕惕	zhāo qián xī tì
朝升暮合	zhāo shēng mù gě
朝华夕秀	zhāo huá xī xiù
朝发夕至	zhāo fā xī zhì
朝发暮至	zhāo fā mù zhì
朝夕	zhāo xī
朝夕相处	zhāo xī xiāng chǔ
朝夷暮跖	zhāo yí mù zhí
朝奏夕召	zhāo zòu xī zhào
朝奏暮召	zhāo zòu mù zhào
朝思暮想	zhāo sī mù xiǎng
朝成夕毁	zhāo chéng xī huǐ
朝成暮徧	zhāo chéng mù biàn
朝成暮毁	zhāo chéng mù huǐ
朝成暮遍	zhāo chéng mù biàn
朝折暮折	zhāo shé mù shé
朝攀暮折	zhāo pān mù shé
朝斯夕斯	zhāo sī xī sī
朝日	zhāo rì
朝晖	zhāo huī
朝暮	zhāo mù
朝更暮改	zhāo gèng mù gǎi
朝朝暮暮	zhāo zhāo mù mù
朝梁暮周	zhāo liáng mù zhōu
朝梁暮晋	zhāo liáng mù jìn
朝梁暮陈	zhāo liáng mù chén
朝欢暮乐	zhāo huān mù lè
朝歌夜弦	zhāo gē yè xián
朝歌暮弦	zhāo gē mù xián
朝气	zhāo qì
朝气蓬勃	zhāo qì péng bó
朝生夕死	zhāo shēng xī sǐ
朝生暮死	zhāo shēng mù sǐ
朝种暮获	zhāo zhòng mù huò
朝秦暮楚	zhāo qín mù chǔ
朝穿暮塞	zhāo chuān mù sāi
朝经暮史	zhāo jīng mù shǐ
朝荣夕灭	zhāo róng xī miè
朝衣东市	zhāo yī dōng shì
朝趁暮食	zhāo chèn mù shí
朝过夕改	zhāo guò xī gǎi
朝钟暮鼓	zhāo zhōng mù gǔ
朝锺暮鼓	zhāo zhōng mù gǔ
朝闻夕改	zhāo wén xī gǎi
朝闻夕死	zhāo wén xī sǐ
朝闻道夕死可矣	zhāo wén dào xī sǐ kě yǐ
朝阳	zhāo yáng
朝阳鸣凤	zhāo yáng míng fèng
朝霞	zhāo xiá
朝露	zhāo lù
朝露溘至	zhāo lù kè zhì
朝饔夕飧	zhāo yōng xī sūn
朝齑夕盐	zhāo jī xī yán
朝齑暮盐	zhāo jī mù yán
期年	jī nián
木栅	mù shān
木模	mù mú
未了	wèi liǎo
未了公案	wèi liǎo gōng àn
未卜	wèi bǔ
未卜先知	wèi bǔ xiān zhī
末了	mò liǎo
本行	běn háng
朱槃玉敦	zhū pán yù duì
朱盘玉敦	zhū pán yù duì
朴刀	pō dāo
朴硝	pò xiāo
朵颐大嚼	duǒ yí dà jiáo
杀出重围	shā chū chóng wéi
杂沓	zá tà
杉木	shā mù
李卜克内西	lǐ bǔ kè nèi xī
材薄质衰	cái bó zhì shuāi
材轻德薄	cái qīng dé bó
村生泊长	cūn shēng bó cháng
束缊还妇	shù yūn huán fù
来日方长	lái rì fāng cháng
杼柚之空	zhù zhóu zhī kōng
杼柚其空	zhù zhóu qí kōng
杼柚空虚	zhù zhóu kōng xū
枉口嚼舌	wǎng kǒu jiáo shé
枕席还师	zhěn xí huán shī
枕曲藉糟	zhěn qū jiè zāo
枕石嗽流	zhěn shí shù liú
枕藉	zhěn jiè
枕麹藉糟	zhěn qū jiè zāo
枝附叶着	zhī fù yè zhuó
枝附叶著	zhī fù yè zhuó
枞阳	zōng yáng
枸橼	jǔ yuán
柏拉图	bó lā tú
柏林	bó lín
柏油纸	bó yóu zhǐ
柞丝绸	zuò sī chóu
柞木	zuò mù
柞树	zuò shù
柞绸	zuò chóu
柞蚕	zuò cán
查查	zhā zhā
柴沟堡	chái gōu bǔ
柴立不阿	chái lì bù ē
栅极	shān jí
标的	biāo dì
标题音乐	biāo tí yīn yuè
栉风酾雨	zhì fēng shī yǔ
栋折榱坏	dòng shé cuī huài
栏栅	lán shān
树碑立传	shù bēi lì zhuàn
树行子	shù hàng zi
栓塞	shuān sè
栖栖	xī xī
栖风宿雨	qī fēng xiǔ yǔ
校准	jiào zhǔn
校勘	jiào kān
校场	jiào chǎng
校对	jiào duì
校对员	jiào duì yuán
校改	jiào gǎi
校本	jiào běn
校样	jiào yàng
校核	jiào hé
校正	jiào zhèng
校注	jiào zhù
校点	jiào diǎn
校短推长	xiào duǎn tuī cháng
校短量长	jiào duǎn liáng cháng
校订	jiào dìng
校阅	jiào yuè
校验	jiào yàn
核儿	hú ér
核桃凹	hé táo wā
桂折一枝	guì shé yī zhī
桂折兰摧	guì shé lán cuī
桑土绸缪	sāng tǔ chóu miù
桑户棬枢	sāng hù juàn shū
桑葚	sāng shèn
桔梗	jié gěng
桔槔	jié gāo
梗塞	gěng sè
梵刹	fàn chà
梵呗	fàn bài
棋输先着	qí shū xiān zhāo
棋输先著	qí shū xiān zhuó
棋高一着	qí gāo yī zhāo
棚圈	péng juàn
椎髻布衣	zhuī jì bù yī
楛耘伤岁	kǔ yún shāng suì
楞伽	léng qié
榱崩栋折	cuī bēng dòng shé
榱栋崩折	cuī dòng bēng shé
槁项没齿	gǎo xiàng mò chǐ
槛花笼鹤	jiàn huā lóng hè
槟榔	bīng láng
模具	mú jù
模子	mú zi
模板	mú bǎn
模样	mú yàng
欹嵚历落	qī qīn lì luò
欺行霸市	qī háng bà shì
款识	kuǎn zhì
歌仔戏	gē zǐ xì
歙漆阿胶	shè qī ē jiāo
正传	zhèng zhuàn
正身率下	zhèng shēn shuài xià
武行	wǔ háng
歪打正着	wāi dǎ zhèng zháo
死亡枕藉	sǐ wáng zhěn jiè
死劲儿	sǐ jìng er
殊功劲节	shū gōng jìng jié
殷红	yān hóng
毁冠裂裳	huǐ guān liè cháng
毁舟为杕	huǐ zhōu wéi duò
比勒陀利亚	bǐ lè tuó lì yà
比物属事	bǐ wù zhǔ shì
毕剥	bì bāo
毛呢	máo ní
民乐	mín yuè
气势磅礴	qì shì páng bó
气贯长虹	qì guàn cháng hóng
水中著盐	shuǐ zhōng zhuó yán
水栅	shuǐ shān
水浒传	shuǐ hǔ zhuàn
水远山长	shuǐ yuǎn shān cháng
求神拜佛	qiú shén bài fó
求神问卜	qiú shén wèn bǔ
求降	qiú xiáng
汇丰银行	huì fēng yín háng
江都	jiāng dū
汤匙	tāng chí
汩没	gǔ mò
汹涌淜湃	xiōng yǒng péng pài
沅江九肋	yuán jiāng jiǔ lèi
沈博绝丽	chén bó jué lì
沉没	chén mò
沉着	chén zhuó
沉着痛快	chén zhuó tòng kuài
沉谋重虑	chén móu chóng lǜ
沓冈复岭	tà gāng fù lǐng
沓子	tà zǐ
沓来踵至	tà lái zhǒng zhì
沓来麕至	tà lái jūn zhì
沙参	shā shēn
没世	mò shì
没世不忘	mò shì bù wàng
没世不渝	mò shì bù yú
没世无称	mò shì wú chēng
没世无闻	mò shì wú wén
没世穷年	mò shì qióng nián
没世难忘	mò shì nán wàng
没入	mò rù
没头没尾	méi tóu mò wěi
没奈何	mò nài hé
没完没了	méi wán méi liǎo
没收	mò shōu
没没无闻	mò mò wú wén
没着落	méi zhuó luò
没药	mò yào
没落	mò luò
没衷一是	mò zhōng yī shì
没过	mò guò
没金饮羽	mò jīn yǐn yǔ
没齿	mò chǐ
没齿不忘	mò chǐ bù wàng
没齿无怨	mò chǐ wú yuàn
没齿难忘	mò chǐ nán wàng
沦没	lún mò
河清难俟	hé qīng nán sì
沸沸汤汤	fèi fèi shāng shāng
泄沓	xiè tà
泄露	xiè lòu
泄露天机	xiè lòu tiān jī
泊位	bó wèi
泊车	bó chē
泌阳	bì yáng
法不阿贵	fǎ bù ē guì
法家拂士	fǎ jiā bì shì
波属云委	bō zhǔ yún wěi
波罗的海	bō luó dì hǎi
波长	bō cháng
波骇云属	bō hài yún zhǔ
泣数行下	qì shù háng xià
泥多佛大	ní duō fó dà
泥而不滓	niè ér bù zǐ
泯没	mǐn mò
泰来否往	tài lái pǐ wǎng
泰来否极	tài lái pǐ jí
泰极而否	tài jí ér pǐ
洋洋纚纚	yáng yáng sǎ sǎ
洋行	yáng háng
洒狗血	sǎ gǒu xiě
洞中肯綮	dòng zhōng kěn qìng
活似	huó sì
活佛	huó fó
流年似水	liú nián sì shuǐ
流血	liú xiě
浅薄	qiǎn bó
浇薄	jiāo bó
浇风薄俗	jiāo fēng bó sú
测度	cè duó
浑似	hún sì
浑朴	hún piáo
浑身解数	hún shēn xiè shù
浒墅关	xǔ shù guān
浩气长存	hào qì cháng cún
浩浩汤汤	hào hào shāng shāng
浮云朝露	fú yún zhāo lù
浮名薄利	fú míng bó lì
浮收勒折	fú shōu lè shé
浮收勒索	fú shōu lè suǒ
浮皮潦草	fú pí liáo cǎo
浴佛	yù fó
海参	hǎi shēn
海参崴	hǎi shēn wēi
浸没	jìn mò
涡河	guō hé
淡泊	dàn bó
淡泊明志	dàn bó míng zhì
淡薄	dàn bó
淤塞	yū sè
深中肯綮	shēn zhōng kěn qìng
深仇宿怨	shēn chóu xiǔ yuàn
深厉浅揭	shēn lì qiǎn qì
深山长谷	shēn shān cháng gǔ
深恶痛嫉	shēn wù tòng jí
深恶痛疾	shēn wù tòng jí
深恶痛绝	shēn wù tòng jué
深文周内	shēn wén zhōu nà
深文曲折	shēn wén qǔ shé
深省	shēn xǐng
深长	shēn cháng
淹没	yān mò
清风劲节	qīng fēng jìng jié
渊涓蠖濩	yuān juān huò hù
渔阳鞞鼓	yú yáng pí gǔ
温凊定省	wēn qìng dìng xǐng
温情脉脉	wēn qíng mò mò
游说	yóu shuì
湮没	yān mò
湮没无闻	yān mò wú wén
湾泊	wān bó
溃脓	huì nóng
源远流长	yuán yuǎn liú cháng
溘先朝露	kè xiān zhāo lù
溘然长往	kè rán cháng wǎng
溘然长逝	kè rán cháng shì
溢美溢恶	yì měi yì wù
溥天率土	pǔ tiān shuài tǔ
漂泊	piāo bó
漂泊无定	piāo bó wú dìng
漢藏	hàn zàng
漫长	màn cháng
漯河	tà hé
潦倒	liáo dǎo
潦草	liáo cǎo
澄沙	dèng shā
澄沙汰砾	dèng shā tài lì
澄结	dèng jié
澹台	tán tái
澹泊寡欲	dàn bó guǎ yù
激薄停浇	jī bó tíng jiāo
火燵	huǒ tā
灭景追风	miè yǐng zhuī fēng
灭此朝食	miè cǐ zhāo shí
炫玉贾石	xuàn yù gǔ shí
炮烙	páo luò
炰鳖脍鲤	fǒu biē kuài lǐ
点着	diǎn zháo
热和	rè huo
烹调	pēng tiáo
煤核儿	méi hú ér
熊爪子	xióng zhuǎ zi
熏着	xùn zháo
熨帖	yù tiē
熬姜呷醋	áo jiāng xiā cù
燕安酖毒	yàn ān dān dú
燕跃鹄踊	yàn yuè hú yǒng
燕雀安知鸿鹄之志	yàn què ān zhī hóng hú zhī zhì
燕雀安知鸿鹄志	yàn què ān zhī hóng hú zhì
爪儿	zhuǎ ér
爪子	zhuǎ zi
爪尖儿	zhuǎ jiān er
爱生恶死	ài shēng wù sǐ
爵士乐	jué shì yuè
爵士音乐	jué shì yīn yuè
父债子还	fù zhài zǐ huán
片甲不还	piàn jiǎ bù huán
片长末技	piàn cháng mò jì
片长薄技	piàn cháng bó jì
牙龈	yá yín
牛听弹琴	niú tīng tán qín
牛圈	niú juàn
牛头刨	niú tóu bào
牟平	mù píng
牢什古子	láo shí gǔ zi
牧畜	mù xù
特徵	tè zhǐ
特长	tè cháng
特长生	tè cháng shēng
犍为	qián wéi
犯不着	fàn bù zháo
犯得上	fàn děi shàng
犯得着	fàn de zháo
犯而不校	fàn ér bù jiào
狐藉虎威	hú jiè hǔ wēi
狐裘尨茸	hú qiú méng róng
狧穅及米	shì kāng jí mǐ
独辟蹊径	dú pì xī jìng
狭长	xiá cháng
猜度	cāi duó
猜着	cāi zháo
猫爪子	māo zhuǎ zi
献血	xiàn xiě
率以为常	shuài yǐ wéi cháng
率先	shuài xiān
率兽食人	shuài shòu shí rén
率军	shuài jūn
率土同庆	shuài tǔ tóng qìng
率土宅心	shuài tǔ zhái xīn
率土归心	shuài tǔ guī xīn
率尔	shuài ěr
率尔成章	shuài ěr chéng zhāng
率尔操觚	shuài ěr cāo gū
率性	shuài xìng
率然	shuài rán
率由旧则	shuài yóu jiù zé
率由旧章	shuài yóu jiù zhāng
率直	shuài zhí
率真	shuài zhēn
率队	shuài duì
率领	shuài lǐng
率马以骥	shuài mǎ yǐ jì
玉佛	yù fó
环伺	huán sì
珠还合浦	zhū huán hé pǔ
琢磨	zhuó mó
琴瑟不调	qín sè bù tiáo
琴瑟失调	qín sè shī tiáo
琴瑟调和	qín sè tiáo hé
瑜伽	yú jiā
瑟弄琴调	sè nòng qín tiáo
瑟调琴弄	sè tiáo qín nòng
璧还	bì huán
瓜蔓	guā wàn
瓦窑堡	wǎ yáo bǔ
生死未卜	shēng sǐ wèi bǔ
生角	shēng jué
生还	shēng huán
生还者	shēng huán zhě
用其所长	yòng qí suǒ cháng
用水和面	yòng shuǐ huò miàn
甲壳	jiǎ qiào
电光朝露	diàn guāng zhāo lù
电刨	diàn bào
电声乐队	diàn shēng yuè duì
电子乐器	diàn zǐ yuè qì
电子音乐	diàn zǐ yīn yuè
男儿有泪不轻弹	nán ér yǒu lèi bù qīng tán
画荻和丸	huà dí huò wán
画蛇著足	huà shé zhuó zú
畜产	xù chǎn
畜养	xù yǎng
畜圈	chù juàn
畜妻养子	xù qī yǎng zǐ
畜牧	xù mù
畜牧业	xù mù yè
畜牧场	xù mù chǎng
番禺	pān yú
番茄	fān qié
疏勒	shū lè
疑似	yí sì
疑似之间	yí sì zhī jiān
疟子	yào zǐ
疲沓	pí tà
疲疲沓沓	pí pí tà tà
疾风劲草	jí fēng jìng cǎo
疾风彰劲草	jí fēng zhāng jìng cǎo
疾风知劲草	jí fēng zhī jìng cǎo
病革	bìng jí
痛恶	tòng wù
痛深恶绝	tòng shēn wù jué
痛自创艾	tòng zì chuāng yì
瘠薄	jí bó
瘦长	shòu cháng
白术	bái zhú
百下百着	bǎi xià bǎi zháo
百了千当	bǎi liǎo qiān dāng
百兽率舞	bǎi shòu shuài wǔ
百堕俱举	bǎi huī jù jǔ
百舍重茧	bǎi shè chóng jiǎn
百舍重趼	bǎi shè chóng jiǎn
的一确二	dí yī què èr
的哥	dī gē
的士	dī shì
的当	dí dàng
的确	dí què
的确良	dí què liáng
盛器	chéng qì
盛水不漏	chéng shuǐ bù lòu
盛菜	chéng cài
盛饭	chéng fàn
目下十行	mù xià shí háng
目不暇给	mù bù xiá jǐ
目的	mù dì
目的地	mù dì dì
目的性	mù dì xìng
目的论	mù dì lùn
直截了当	zhí jié liǎo dàng
直捷了当	zhí jié liǎo dàng
直接了当	zhí jiē liǎo dàng
直率	zhí shuài
直言贾祸	zhí yán gǔ huò
相似	xiāng sì
相率	xiāng shuài
相称	xiāng chèn
相遗以水	xiāng wèi yǐ shuǐ
省亲	xǐng qīn
省墓	xǐng mù
省察	xǐng chá
省悟	xǐng wù
省视	xǐng shì
真人不露相	zhēn rén bù lòu xiàng
真率	zhēn shuài
眠花藉柳	mián huā jiè liǔ
着三不着两	zháo sān bù zháo liǎng
着书立说	zhuó shū lì shuō
着人先鞭	zhuó rén xiān biān
着人办理	zhuó rén bàn lǐ
着凉	zháo liáng
着力	zhuó lì
着力于	zhuó lì yú
着墨	zhuó mò
着忙	zháo máng
着急	zháo jí
着想	zhuó xiǎng
着意	zhuó yì
着慌	zháo huāng
着手	zhuó shǒu
着手成春	zhuó shǒu chéng chūn
着数	zhāo shù
着法	zhāo fǎ
着火	zháo huǒ
着眼	zhuó yǎn
着眼于	zhuó yǎn yú
着眼点	zhuó yǎn diǎn
着笔	zhuó bǐ
着色	zhuó sè
着落	zhuó luò
着装	zhuó zhuāng
着边	zhuó biān
着迷	zháo mí
着重	zhuó zhòng
着重号	zhuó zhòng hào
着重点	zhuó zhòng diǎn
着陆	zhuó lù
着风	zháo fēng
着魔	zháo mó
睡懒觉	shuì lǎn jiào
睡着	shuì zháo
睡觉	shuì jiào
督率	dū shuài
瞪眼咋舌	dèng yǎn zé shé
瞰瑕伺隙	kàn xiá sì xì
瞿然	jù rán
知了	zhī liǎo
知疼着热	zhī téng zháo rè
知疼着痒	zhī téng zháo yǎng
短不了	duǎn bù liǎo
短中取长	duǎn zhōng qǔ cháng
短叹长吁	duǎn tàn cháng xū
短见薄识	duǎn jiàn bó shí
短长	duǎn cháng
石室金匮	shí shì jīn guì
石室金鐀	shí shì jīn guì
砥砺琢磨	dǐ lì zhuó mó
破觚为圜	pò gū wéi yuán
破镜重合	pò jìng chóng hé
破镜重圆	pò jìng chóng yuán
硕望宿德	shuò wàng xiǔ dé
硬着陆	yìng zhuó lù
碇泊	dìng bó
碌碡	liù zhóu
碑拓	bēi tà
磅礴	páng bó
礼乐	lǐ yuè
礼佛	lǐ fó
礼坏乐崩	lǐ huài yuè bēng
礼崩乐坏	lǐ bēng yuè huài
神似	shén sì
神佛	shén fó
神出鬼没	shén chū guǐ mò
神差鬼使	shén chāi guǐ shǐ
神龙失埶	shén lóng shī shì
禅让	shàn ràng
离本徼末	lí běn yāo mò
离鸾别鹄	lí luán bié hú
秀出班行	xiù chū bān háng
私了	sī liǎo
秘鲁	bì lǔ
积谗糜骨	jī chán méi gǔ
称体裁衣	chèn tǐ cái yī
称体载衣	chèn tǐ zài yī
称家有无	chèn jiā yǒu wú
称德度功	chēng dé duó gōng
称心	chèn xīn
称心如意	chèn xīn rú yì
称心快意	chèn xīn kuài yì
称心满意	chèn xīn mǎn yì
称愿	chèn yuàn
称手	chèn shǒu
称职	chèn zhí
称身	chèn shēn
移日卜夜	yí rì bǔ yè
移的就箭	yí dì jiù jiàn
稀薄	xī bó
税卡	shuì qiǎ
稚齿婑媠	zhì chǐ wǒ tuǒ
稽首	qǐ shǒu
究诘	jiū jié
穷困潦倒	qióng kùn liáo dǎo
穷愁潦倒	qióng chóu liáo dǎo
穷途潦倒	qióng tú liáo dǎo
空腹便便	kōng fù pián pián
空调	kōng tiáo
空调病	kōng tiáo bìng
穿着打扮	chuān zhuó dǎ bàn
穿红着绿	chuān hóng zhuó lǜ
窗口行业	chuāng kǒu háng yè
窥伺	kuī sì
窥度	kuī duó
窥间伺隙	kuī jiàn sì xì
立传	lì zhuàn
立地成佛	lì dì chéng fó
竞短争长	jìng duǎn zhēng cháng
笼鸟槛猿	lóng niǎo jiàn yuán
简切了当	jiǎn qiè liǎo dàng
简截了当	jiǎn jié liǎo dàng
简捷了当	jiǎn jié liǎo dàng
简朴	jiǎn piáo
管乐	guǎn yuè
管乐器	guǎn yuè qì
管乐队	guǎn yuè duì
管弦乐	guǎn xián yuè
箪食壶浆	dān sì hú jiāng
箪食壶酒	dān sì hú jiǔ
箪食瓢饮	dān sì piáo yǐn
箸长碗短	zhù cháng wǎn duǎn
篇什	piān shí
籍没	jí mò
籍茅	jiè máo
类似	lèi sì
粉妆玉琢	fěn zhuāng yù zhuó
粉装玉琢	fěn zhuāng yù zhuó
粉雕玉琢	fěn diāo yù zhuó
粗花呢	cū huā ní
粘合剂	nián hé jì
粘土	nián tǔ
粘液	nián yè
粘稠	nián chóu
粘结	nián jié
粮行	liáng háng
糜子	méi zǐ
系好	jì hǎo
系带	jì dài
系泊	jì bó
系紧	jì jǐn
系绳	jì shéng
系绳子	jì shéng zǐ
系鞋带	jì xié dài
素朴	sù piáo
索还	suǒ huán
累屋重架	lěi wū chóng jià
繁花似锦	fán huā sì jǐn
红参	hóng shēn
红模子	hóng mú zǐ
红绳系足	hóng shéng jì zú
红颜薄命	hóng yán bó mìng
纤夫	qiàn fū
纤手	qiàn shǒu
纤绳	qiàn shéng
纤长	xiān cháng
纪传体	jì zhuàn tǐ
纯朴	chún piáo
纰缪	pī miù
纳降	nà xiáng
纶巾	guān jīn
纶巾羽扇	guān jīn yǔ shàn
纶音佛语	lún yīn fó yǔ
纷纭杂沓	fēn yún zá tà
纷至沓来	fēn zhì tà lái
纸短情长	zhǐ duǎn qíng cháng
细嚼慢咽	xì jiáo màn yàn
细水长流	xì shuǐ cháng liú
细长	xì cháng
终了	zhōng liǎo
经传	jīng zhuàn
结扎	jié zā
给与	jǐ yǔ
给予	jǐ yǔ
给付	jǐ fù
给体	jǐ tǐ
给养	jǐ yǎng
给水	jǐ shuǐ
给水器	jǐ shuǐ qì
给水工程	jǐ shuǐ gōng chéng
给水站	jǐ shuǐ zhàn
给水管	jǐ shuǐ guǎn
给水箱	jǐ shuǐ xiāng
络子	lào zi
绝着	jué zhāo
绝长继短	jué cháng jì duǎn
绝长续短	jué cháng xù duǎn
绝长补短	jué cháng bǔ duǎn
统率	tǒng shuài
绳愆纠缪	shéng qiān jiū miù
绵力薄材	mián lì bó cái
绵里薄材	mián lǐ bó cái
编校	biān jiào
缠绵蕴藉	chán mián yùn jiè
缩砂	sù shā
缩砂密	sù shā mì
缪种流传	miù zhǒng liú chuán
罗刹	luó chà
罗勒	luó lè
罚没	fá mò
罚没款	fá mò kuǎn
羊圈	yáng juàn
美差	měi chāi
羞恶	xiū wù
群氓	qún méng
群雌粥粥	qún cí yù yù
羹匙	gēng chí
羽扇纶巾	yǔ shàn guān jīn
老佛爷	lǎo fó yé
老师宿儒	lǎo shī xiǔ rú
老本行	lǎo běn háng
老调重弹	lǎo diào chóng tán
老调重谈	lǎo diào chóng tán
耙子	pá zi
聊以塞责	liáo yǐ sè zé
聱牙诘屈	áo yá jié qū
聱牙诘曲	áo yá jié qū
肉薄骨并	ròu bó gǔ bìng
肋木	lèi mù
肋条	lèi tiáo
肋骨	lèi gǔ
肤皮潦草	fū pí liáo cǎo
肯綮	kěn qìng
胜似	shèng sì
胳臂	gē bei
胶柱调瑟	jiāo zhù tiáo sè
胶着	jiāo zhuó
胸椎	xiōng zhuī
能不称官	néng bù chèn guān
脉脉	mò mò
脉脉含情	mò mò hán qíng
脊椎	jǐ zhuī
脊椎动物	jǐ zhuī dòng wù
脊椎骨	jǐ zhuī gǔ
脖颈	bó gěng
脖颈子	bó gěng zi
脾气很拗	pí qì hěn niù
腌臜	ā zā
腌臢	ā zā
腰椎	yāo zhuī
膀胱	páng guāng
膏场绣浍	gāo cháng xiù kuài
膻中	dàn zhōng
臆度	yì duó
臧否	zāng pǐ
臧否人物	zāng pǐ rén wù
自传	zì zhuàn
自坏长城	zì huài cháng chéng
自怨自艾	zì yuàn zì yì
自省	zì xǐng
自筹给养	zì chóu jǐ yǎng
自给	zì jǐ
自给自足	zì jǐ zì zú
臭味相投	xiù wèi xiāng tóu
舍短取长	shě duǎn qǔ cháng
舍车保帅	shè jū bǎo shuài
般桓	pán huán
般若	bō rě
良贾深藏	liáng gǔ shēn cáng
色厉胆薄	sè lì dǎn bó
色子	shǎi zǐ
芜荑	wú yí
芥蓝菜	gài lán cài
芫花	yuán huā
花呢	huā ní
花攒锦簇	huā cuán jǐn cù
花攒锦聚	huā cuán jǐn jù
花朝月夕	huā zhāo yuè xī
花朝月夜	huā zhāo yuè yè
花簇锦攒	huā cù jǐn cuán
苌弘碧血	cháng hóng bì xiě
苍劲	cāng jìng
苍术	cāng zhú
苍蝇见血	cāng yíng jiàn xiě
苕帚	tiáo zhǒu
苣卖菜	qǔ mài cài
苣荬菜	qǔ mǎi cài
苦参	kǔ shēn
苦差	kǔ chāi
苦差事	kǔ chāi shì
英雄传	yīng xióng zhuàn
茄子	qié zi
茅塞顿开	máo sè dùn kāi
茜茜公主	xī xī gōng zhǔ
茶匙	chá chí
茶铛	chá chēng
荆棘塞途	jīng jí sè tú
草率	cǎo shuài
草率从事	cǎo shuài cóng shì
草率收兵	cǎo shuài shōu bīng
草草了事	cǎo cǎo liǎo shì
荤粥	xūn zhōu
荸荠	bí qí
莎草	suō cǎo
莘庄	xīn zhuāng
莞尔	wǎn ěr
莞尔一笑	wǎn ěr yí xiào
莞尔而笑	wǎn ěr ér xiào
莞莞	wǎn wǎn
莨绸	liáng chóu
莫可究诘	mò kě jiū jié
莲花落	lián huā lào
获隽公车	huò jùn gōng chē
菲薄	fěi bó
菲食薄衣	fěi shí bó yī
落下	là xià
落了	là le
落价	lào jià
落子	lào zi
落枕	lào zhěn
落泊	luò bó
落炕	lào kàng
落色	lào shǎi
蒙古大夫	měng gǔ dài fū
蒙着	mēng zháo
蔚县	yù xiàn
蔽塞	bì sè
蔽明塞聪	bì míng sè cōng
蔽聪塞明	bì cōng sè míng
蕃茄	fān qié
蕴藉	yùn jiè
薄产	bó chǎn
薄利	bó lì
薄利多销	bó lì duō xiāo
薄命	bó mìng
薄命佳人	bó mìng jiā rén
薄寒中人	bó hán zhòng rén
薄幸	bó xìng
薄弱	bó ruò
薄待	bó dài
薄情	bó qíng
薄情无义	bó qíng wú yì
薄技	bó jì
薄技在身	bó jì zài shēn
薄晓	bó xiǎo
薄暮	bó mù
薄暮冥冥	bó mù míng míng
薄物细故	bó wù xì gù
薄田	bó tián
薄荷	bò hé
薄荷脑	bò hé nǎo
薄葬	bó zàng
薄酒	bó jiǔ
薄酬	bó chóu
薄雾	bó wù
薄面	bó miàn
薯莨	shǔ liáng
薯莨绸	shǔ liáng chóu
藉以	jiè yǐ
藉口	jiè kǒu
藉草枕块	jiè cǎo zhěn kuài
藏人	zàng rén
藏历	zàng lì
藏府	zàng fǔ
藏戏	zàng xì
藏族	zàng zú
藏獒	zàng áo
藏红花	zàng hóng huā
藏药	zàng yào
藏蓝	zàng lán
藏青	zàng qīng
藏香	zàng xiāng
藤蔓	téng wàn
虚与委蛇	xū yǔ wēi yí
虾蟆	há má
蚁拥蜂攒	yǐ yōng fēng cuán
蚁聚蜂攒	yǐ jù fēng cuán
蚁集蜂攒	yǐ jí fēng cuán
蚌埠	bèng bù
蚌埠市	bèng bù shì
蛇心佛口	shé xīn fó kǒu
蛤粉	gé fěn
蛤蚌	gé bàng
蛤蚧	gé jiè
蛤蜊	gé lí
蜂攒蚁聚	fēng cuán yǐ jù
蜂攒蚁集	fēng cuán yǐ jí
蜚短流长	fēi duǎn liú cháng
蜜里调油	mì lǐ tiáo yóu
蝇攒蚁聚	yíng cuán yǐ jù
蝇攒蚁附	yíng cuán yǐ fù
蝍蛆	jí qū
蝎蝎螫螫	xiē xiē zhē zhē
血晕	xiě yùn
血栓栓塞	xuè shuān shuān sè
血淋淋	xiě lín lín
血糊糊	xiě hū hū
血豆腐	xiě dòu fǔ
血道子	xiě dào zi
行业	háng yè
行东	háng dōng
行伍	háng wǔ
行会	háng huì
行列	háng liè
行列式	háng liè shì
行号	háng háo
行家	háng jia
行家里手	háng jiā lǐ shǒu
行市	háng shì
行帮	háng bāng
行当	háng dāng
行情	háng qíng
行栈	háng zhàn
行款	háng kuǎn
行行出状元	háng háng chū zhuàng yuán
行行蛇蚓	háng háng shé yǐn
行规	háng guī
行话	háng huà
行货	háng huò
行贾	xíng gǔ
行距	háng jù
行辈	háng bèi
行道	háng dào
行都	xíng dū
行长	háng zhǎng
行间	háng jiān
行间字里	háng jiān zì lǐ
衒玉贾石	xuàn yù gǔ shí
衡短论长	héng duǎn lùn cháng
衣单食薄	yī dān shí bó
衣着	yī zhuó
衣锦还乡	yì jǐn huán xiāng
补给	bǔ jǐ
补给线	bǔ jǐ xiàn
表率	biǎo shuài
袅娜	niǎo nuó
袅娜娉婷	niǎo nuó pīng tíng
袅袅娜娜	niǎo niǎo nuó nuó
袒裼裸裎	tǎn xī luǒ chéng
被发左衽	pī fà zuǒ rèn
被发文身	pī fà wén shēn
被发缨冠	pī fà yīng guàn
被山带河	pī shān dài hé
被甲执兵	pī jiǎ zhí bīng
被甲持兵	pī jiǎ chí bīng
被甲据鞍	pī jiǎ jù ān
被甲枕戈	pī jiǎ zhěn gē
被褐怀玉	pī hè huái yù
被褐怀珠	pī hè huái zhū
袷袢	qiā pàn
裁度	cái duó
裁长补短	cái cháng bǔ duǎn
裂眦嚼齿	liè zì jiáo chǐ
裂裳裹足	liè cháng guǒ zú
装模作样	zhuāng mú zuò yàng
裨将	pí jiàng
裳裳	cháng cháng
裸裎袒裼	luǒ chéng tǎn xī
褎然冠首	yòu rán guàn shǒu
褚小怀大	zhǔ xiǎo huái dà
褚小杯大	zhǔ xiǎo bēi dà
褪去	tùn qù
褪色	tuì shǎi
西乐	xī yuè
西洋参	xī yáng shēn
西藏	xī zàng
要价还价	yào jià huán jià
覆没	fù mò
见性成佛	jiàn xìng chéng fó
见素抱朴	xiàn sù bào pǔ
规旋矩折	guī xuán jǔ shé
规重矩叠	guī chóng jǔ dié
视微知著	shì wēi zhī zhuó
角力	jué lì
角斗	jué dòu
角色	jué sè
角逐	jué zhú
解差	jiè chāi
解数	xiè shù
解池	xiè chí
解法	xiè fǎ
解衣槃磅	jiě yī pán páng
解衣盘磅	jiě yī pán páng
解衣磅礴	jiě yī páng bó
解调	jiě tiáo
触类而长	chù lèi ér cháng
言归正传	yán guī zhèng zhuàn
謷牙诘屈	áo yá jié qū
计日以俟	jì rì yǐ sì
计日而俟	jì rì ér sì
讥弹	jī tán
讨价还价	tǎo jià huán jià
讨便宜	tǎo pián yí
讨还	tǎo huán
论短道长	lùn duǎn dào cháng
论长说短	lùn cháng shuō duǎn
论长道短	lùn cháng dào duǎn
诃佛诋巫	hē fó dǐ wū
评传	píng zhuàn
评弹	píng tán
识微知著	shí wēi zhī zhuó
诈降	zhà xiáng
诗行	shī háng
诘屈磝碻	jí qū áo qiāo
诘屈謷牙	jié qū áo yá
诘戎治兵	jié róng zhì bīng
诘曲聱牙	jié qǔ áo yá
诘诎聱牙	jié qū áo yá
诘责	jié zé
诘问	jié wèn
诘难	jié nán
诚朴	chéng piáo
话长说短	huà cháng shuō duǎn
该着	gāi zháo
语塞	yǔ sè
语短情长	yǔ duǎn qíng cháng
语重心长	yǔ zhòng xīn cháng
语长心重	yǔ cháng xīn zhòng
诱降	yòu xiáng
诲人不惓	huì rén bù juàn
说不着	shuō bù zháo
说来话长	shuō lái huà cháng
说短论长	shuō duǎn lùn cháng
说短道长	shuō duǎn dào cháng
说长论短	shuō cháng lùn duǎn
说长话短	shuō cháng huà duǎn
说长说短	shuō cháng shuō duǎn
说长道短	shuō cháng dào duǎn
请自隗始	qǐng zì wěi shǐ
请降	qǐng xiáng
谁的	shéi de
谁都	shéi dōu
调三惑四	tiáo sān huò sì
调三斡四	tiáo sān wò sì
调三窝四	tiáo sān wō sì
调丝品竹	tiáo sī pǐn zhú
调人	tiáo rén
调价	tiáo jià
调侃	tiáo kǎn
调停	tiáo tíng
调停两用	tiáo tíng liǎng yòng
调光	tiáo guāng
调养	tiáo yǎng
调准	tiáo zhǔn
调制	tiáo zhì
调剂	tiáo jì
调匀	tiáo yún
调协	tiáo xié
调合	tiáo hé
调味	tiáo wèi
调味品	tiáo wèi pǐn
调和	tiáo hé
调和阴阳	tiáo hé yīn yáng
调和鼎鼐	tiáo hé dǐng nài
调唆	tiáo suō
调唇弄舌	tiáo chún nòng shé
调嘴学舌	tiáo zuǐ xué shé
调嘴弄舌	tiáo zuǐ nòng shé
调嘴调舌	tiáo zuǐ diào shé
调墨弄笔	tiáo mò nòng bǐ
调处	tiáo chǔ
调幅	tiáo fú
调弄	tiáo nòng
调息	tiáo xī
调情	tiáo qíng
调戏	tiáo xì
调护	tiáo hù
调控	tiáo kòng
调摄	tiáo shè
调教	tiáo jiào
调整	tiáo zhěng
调料	tiáo liào
调朱傅粉	tiáo zhū fù fěn
调朱弄粉	tiáo zhū nòng fěn
调档	tiáo dàng
调正	tiáo zhèng
调治	tiáo zhì
调温	tiáo wēn
调焦	tiáo jiāo
调理	tiáo lǐ
调理阴阳	tiáo lǐ yīn yáng
调皮	tiáo pí
调皮鬼	tiáo pí guǐ
调神畅情	tiáo shén chàng qíng
调笑	tiáo xiào
调级	tiáo jí
调经	tiáo jīng
调羹	tiáo gēng
调脂弄粉	tiáo zhī nòng fěn
调舌弄唇	tiáo shé nòng chún
调良稳泛	tiáo liáng wěn fàn
调色	tiáo sè
调色板	tiáo sè bǎn
调节	tiáo jié
调节税	tiáo jié shuì
调解	tiáo jiě
调词架讼	tiáo cí jià sòng
调试	tiáo shì
调调	tiáo diào
调谐	tiáo xié
调谑	tiáo xuè
调资	tiáo zī
调适	tiáo shì
调音	tiáo yīn
调频	tiáo pín
调风变俗	tiáo fēng biàn sú
调风弄月	tiáo fēng nòng yuè
豁拳	huá quán
豁然省悟	huò rán xǐng wù
豆角儿	dòu jué ér
豆豉	dòu chǐ
豆重榆瞑	dòu chóng yú míng
豪商巨贾	háo shāng jù gǔ
貌似	mào sì
貌似强大	mào sì qiáng dà
贝勒	bèi lè
贞松劲柏	zhēn sōng jìng bǎi
贡禹弹冠	gòng yǔ tán guān
财会	cái kuài
财殚力痡	cái dān lì pū
质朴	zhì piáo
质的	zhì dì
贪便宜	tān pián yí
贪多嚼不烂	tān duō jiáo bù làn
贪惏无餍	tān lín wú yàn
贪生恶死	tān shēng wù sǐ
贫嘴薄舌	pín zuǐ bó shé
贫困潦倒	pín kùn liáo dǎo
贲临	bì lín
贾人	gǔ rén
贾用	gǔ yòng
贾祸	gǔ huò
贾贸	gǔ mào
贾马	gǔ mǎ
赌长较短	dǔ cháng jiào duǎn
赍志而没	jī zhì ér mò
赍粮藉寇	jī liáng jiè kòu
赔还	péi huán
赚得	zuàn de
赛似	sài sì
赛璐玢	sài lù fēn
赤绳系足	chì shéng jì zú
赭衣塞路	zhě yī sè lù
走为上着	zǒu wéi shàng zhāo
趁水和泥	chèn shuǐ huò ní
超长	chāo cháng
趔趄	liè qiè
跑马卖解	pǎo mǎ mài xiè
跟差	gēn chāi
跨行业	kuà háng yè
路卡	lù qiǎ
跳行	tiào háng
蹄閒三寻	tí jiàn sān xún
身先朝露	shēn xiān zhāo lù
身单力薄	shēn dān lì bó
身无长处	shēn wú cháng chù
身无长物	shēn wú cháng wù
身长	shēn cháng
躬自菲薄	gōng zì fěi bó
躯壳	qū qiào
车削	chē xiāo
车行	chē háng
车马炮	jū mǎ pào
轧机	zhá jī
轧账	gá zhàng
轧辊	zhá gǔn
轧钢	zhá gāng
轧钢厂	zhá gāng chǎng
轧钢机	zhá gāng jī
转文	zhuǎi wén
转行	zhuǎn háng
转辗反侧	zhuǎn zhǎn fǎn cè
软和	ruǎn huo
软着陆	ruǎn zhuó lù
软肋	ruǎn lèi
轴对称	zhóu duì chèn
轸宿	zhěn xiù
轻傜薄赋	qīng yáo bó fù
轻口薄舌	qīng kǒu bó shé
轻嘴薄舌	qīng zuǐ bó shé
轻率	qīng shuài
轻薄	qīng bó
轻音乐	qīng yīn yuè
较德焯勤	jiào dé zhuō qín
较短比长	jiào duǎn bǐ cháng
较短絜长	jiào duǎn xié cháng
较短量长	jiào duǎn liáng cháng
较长絜短	jiào cháng xié duǎn
辗转	zhǎn zhuǎn
辗转反侧	zhǎn zhuǎn fǎn cè
辟举	bì jǔ
辟书	bì shū
辟召	bì zhào
辟引	bì yǐn
辟谷	bì gǔ
辟邪	bì xié
辱没	rǔ mò
边卡	biān qiǎ
迁都	qiān dū
过都历块	guò dū lì kuài
过长	guò cháng
近似	jìn sì
近似值	jìn sì zhí
返本还元	fǎn běn huán yuán
返本还原	fǎn běn huán yuán
返本还源	fǎn běn huán yuán
返朴还淳	fǎn pǔ huán chún
返朴还真	fǎn pǔ huán zhēn
返老还童	fǎn lǎo huán tóng
返还	fǎn huán
还乡	huán xiāng
还乡团	huán xiāng tuán
还乡昼锦	huán xiāng zhòu jǐn
还书	huán shū
还价	huán jià
还俗	huán sú
还债	huán zhài
还元返本	huán yuán fǎn běn
还击	huán jī
还原	huán yuán
还原反本	huán yuán fǎn běn
还原染料	huán yuán rǎn liào
还口	huán kǒu
还君明珠	huán jūn míng zhū
还嘴	huán zuǐ
还席	huán xí
还年却老	huán nián què lǎo
还年卻老	huán nián què lǎo
还年驻色	huán nián zhù sè
还情	huán qíng
还愿	huán yuàn
还我河山	huán wǒ hé shān
还手	huán shǒu
还报	huán bào
还本	huán běn
还朴反古	huán pǔ fǎn gǔ
还淳反古	huán chún fǎn gǔ
还淳反朴	huán chún fǎn pǔ
还淳反素	huán chún fǎn sù
还淳返朴	huán chún fǎn pǔ
还清	huán qīng
还珠	huán zhū
还珠买椟	huán zhū mǎi dú
还珠合浦	huán zhū hé pǔ
还珠返璧	huán zhū fǎn bì
还礼	huán lǐ
还童	huán tóng
还给	huán gěi
还账	huán zhàng
还贷	huán dài
还醇返朴	huán chún fǎn pǔ
还钱	huán qián
还阳	huán yáng
还魂	huán hún
进给	jìn jǐ
进给量	jìn jǐ liàng
进退消长	jìn tuì xiāo cháng
远水救不了近火	yuǎn shuǐ jiù bù liǎo jìn huǒ
远水解不了近渴	yuǎn shuǐ jiě bù liǎo jìn kě
远涉重洋	yuǎn shè chóng yáng
迫击	pǎi jī
迫击炮	pǎi jī pào
迫击炮弹	pǎi jī pào dàn
迭矩重规	dié jǔ chóng guī
追趋逐耆	zhuī qū zhú shì
追还	zhuī huán
退还	tuì huán
送佛送到西天	sòng fó sòng dào xī tiān
送还	sòng huán
适情率意	shì qíng shuài yì
逐物不还	zhú wù bù huán
通都大邑	tōng dū dà yì
遁世长往	dùn shì cháng wǎng
遒劲	qiú jìng
道藏	dào zàng
道行	dào héng
道长争短	dào cháng zhēng duǎn
道长论短	dào cháng lùn duǎn
遗使	wèi shǐ
遗劳	wèi láo
那不勒斯	nà bù lè sī
邮差	yóu chāi
郦食其	lì yì jī
都中纸贵	dū zhōng zhǐ guì
都会	dū huì
都俞吁咈	dū yú xū fú
都城	dū chéng
都头异姓	dū tóu yì xìng
都察院	dū chá yuàn
都尉	dū wèi
都市	dū shì
都柏林	dōu bó lín
都江堰	dū jiāng yàn
都督	dū dū
都统	dū tǒng
鄙薄	bǐ bó
配乐	pèi yuè
配称	pèi chèn
配给	pèi jǐ
配给制	pèi jǐ zhì
配角	pèi jué
酒铛	jiǔ chēng
酷似	kù sì
醇朴	chún piáo
采血	cǎi xiě
释迦牟尼	shì jiā mù ní
里弄	lǐ lòng
重三叠四	chóng sān dié sì
重三迭四	chóng sān dié sì
重九	chóng jiǔ
重九登高	chóng jiǔ dēng gāo
重作冯妇	chóng zuò féng fù
重修	chóng xiū
重修旧好	chóng xiū jiù hǎo
重光	chóng guāng
重光累洽	chóng guāng lèi qià
重关击柝	chóng guān jī tuò
重兴旗鼓	chóng xīng qí gǔ
重出	chóng chū
重印	chóng yìn
重叠	chóng dié
重合	chóng hé
重启	chóng qǐ
重唱	chóng chàng
重围	chóng wéi
重圆	chóng yuán
重圭叠组	chóng guī dié zǔ
重垣叠锁	chóng yuán dié suǒ
重垣迭锁	chóng yuán dié suǒ
重复	chóng fù
重头	chóng tóu
重奏	chóng zòu
重婚	chóng hūn
重孙	chóng sūn
重孙女	chóng sūn nǚ
重审	chóng shěn
重山复岭	chóng shān fù lǐng
重山复水	chóng shān fù shuǐ
重山峻岭	chóng shān jùn lǐng
重岩叠嶂	chóng yán dié zhàng
重岩迭障	chóng yán dié zhàng
重峦叠嶂	chóng luán dié zhàng
重峦叠巘	chóng luán dié yǎn
重峦复嶂	chóng luán fù zhàng
重峦迭嶂	chóng luán dié zhàng
重峦迭巘	chóng luán dié yǎn
重庆	chóng qìng
重床叠屋	chóng chuáng dié wū
重床叠架	chóng chuáng dié jià
重床迭屋	chóng chuáng dié wū
重床迭架	chóng chuáng dié jià
重建	chóng jiàn
重张	chóng zhāng
重弹	chóng tán
重影	chóng yǐng
重手累足	chóng shǒu lěi zú
重拍	chóng pāi
重振旗鼓	chóng zhèn qí gǔ
重提	chóng tí
重播	chóng bō
重操旧业	chóng cāo jiù yè
重数	chóng shù
重整旗鼓	chóng zhěng qí gǔ
重新	chóng xīn
重明继焰	chóng míng jì yàn
重映	chóng yìng
重沓	chóng tà
重洋	chóng yáng
重温	chóng wēn
重温旧业	chóng wēn jiù yè
重温旧梦	chóng wēn jiù mèng
重演	chóng yǎn
重熙累叶	chóng xī lěi yè
重熙累洽	chóng xī lěi qià
重熙累盛	chóng xī lěi shèng
重熙累绩	chóng xī lěi jì
重版	chóng bǎn
重犯	chóng fàn
重现	chóng xiàn
重珪叠组	chóng guī dié zǔ
重珪迭组	chóng guī dié zǔ
重理旧业	chóng lǐ jiù yè
重生	chóng shēng
重生父母	chóng shēng fù mǔ
重生爷娘	chóng shēng yé niáng
重申	chóng shēn
重睹天日	chóng dǔ tiān rì
重纰貤缪	chóng pī yí miù
重纸累札	chóng zhǐ lěi zhá
重组	chóng zǔ
重聚	chóng jù
重获	chóng huò
重葩累藻	chóng pā lèi zǎo
重行	chóng xíng
重裀列鼎	chóng yīn liè dǐng
重见天日	chóng jiàn tiān rì
重规叠矩	chóng guī dié jǔ
重规沓矩	chóng guī tà jǔ
重规累矩	chóng guī lèi jǔ
重规袭矩	chóng guī xí jǔ
重规迭矩	chóng guī dié jǔ
重译	chóng yì
重读	chóng dú
重起炉灶	chóng qǐ lú zào
重足一迹	chóng zú yī jì
重足屏息	chóng zú bǐng xī
重足屏气	chóng zú bǐng qì
重足累息	chóng zú lèi xī
重足而立	chóng zú ér lì
重蹈覆辙	chóng dǎo fù zhé
重返	chóng fǎn
重迭	chóng dié
重述	chóng shù
重迹屏气	chóng jì bǐng qì
重选	chóng xuǎn
重逢	chóng féng
重重	chóng chóng
重金袭汤	chóng jīn xí tāng
重铬酸钾	chóng gè suān jiǎ
重门击柝	chóng mén jī tuò
重阳	chóng yáng
重霄	chóng xiāo
野乘	yě shèng
量力度德	liàng lì duó dé
金匮石室	jīn guì shí shì
金蝉脱壳	jīn chán tuō qiào
金鳷擘海	jīn zhī bò hǎi
鉴影度形	jiàn yǐng duó xíng
钉耙	dīng pá
钜人长德	jù rén cháng dé
钦差	qīn chāi
钦差大臣	qīn chāi dà chén
钧天广乐	jūn tiān guǎng yuè
铁绰铜琶	tiě chāo tóng pá
铁耙	tiě pá
铅山	yán shān
铜模	tóng mú
铜筋铁肋	tóng jīn tiě lèi
铜臭	tóng xiù
铢两悉称	zhū liǎng xī chèn
铢两相称	zhū liǎng xiāng chèn
铢量寸度	zhū liáng cùn duó
铤而走险	tǐng ér zǒu xiǎn
银行	yín háng
银行行员	yín háng háng yuán
锁匙	suǒ chí
锁钥	suǒ yuè
锅炉给水	guō lú jǐ shuǐ
锚泊	máo bó
锦囊还矢	jǐn náng huán shǐ
键盘乐器	jiàn pán yuè qì
锻模	duàn mú
镌脾琢肾	juān pí zhuó shèn
镐京	hào jīng
长七短八	cháng qī duǎn bā
长久	cháng jiǔ
长久之计	cháng jiǔ zhī jì
长乐	cháng lè
长乐未央	cháng lè wèi yāng
长于	cháng yú
长亭	cháng tíng
长假	cháng jià
长兴	cháng xīng
长剑	cháng jiàn
长卷	cháng juàn
长发	cháng fà
长句	cháng jù
长号	cháng hào
长叹	cháng tàn
长吁短叹	cháng xū duǎn tàn
长吁短气	cháng xū duǎn qì
长吟	cháng yín
长命	cháng mìng
长命富贵	cháng mìng fù guì
长命百岁	cháng mìng bǎi suì
长命锁	cháng mìng suǒ
长啸	cháng xiào
长嘘短叹	cháng xū duǎn tàn
长圆	cháng yuán
长坂	cháng bǎn
长城	cháng chéng
长处	cháng chù
长夏	cháng xià
长夜	cháng yè
长夜漫漫	cháng yè màn màn
长夜难明	cháng yè nán míng
长天	cháng tiān
长存	cháng cún
长安	cháng ān
长安少年	cháng ān shào nián
长安棋局	cháng ān qí jú
长安道上	cháng ān dào shàng
长寿	cháng shòu
长局	cháng jú
长崎	cháng qí
长川	cháng chuān
长工	cháng gōng
长年	cháng nián
长年累月	cháng nián lěi yuè
长庚	cháng gēng
长度	cháng dù
长廊	cháng láng
长往远引	cháng wǎng yuǎn yǐn
长征	cháng zhēng
长念却虑	cháng niàn què lǜ
长性	cháng xìng
长恨歌	cháng hèn gē
长恶不悛	cháng è bù quān
长恶靡悛	cháng è mǐ quān
长戟高门	cháng jǐ gāo mén
长才广度	cháng cái guǎng dù
长才短驭	cháng cái duǎn yù
长拳	cháng quán
长揖	cháng yī
长揖不拜	cháng yī bù bài
长斋	cháng zhāi
长斋绣佛	cháng zhāi xiù fó
长方	cháng fāng
长方体	cháng fāng tǐ
长方形	cháng fāng xíng
长方脸	cháng fāng liǎn
长明灯	cháng míng dēng
长春	cháng chūn
长春不老	cháng chūn bù lǎo
长春市	cháng chūn shì
长期	cháng qī
长机	cháng jī
长材小试	cháng cái xiǎo shì
长材茂学	cháng cái mào xué
长条	cháng tiáo
长枕大衾	cháng zhěn dà qīn
长枕大被	cháng zhěn dà bèi
长林丰草	cháng lín fēng cǎo
长枪	cháng qiāng
长款	cháng kuǎn
长歌当哭	cháng gē dàng kū
长此以往	cháng cǐ yǐ wǎng
长毛	cháng máo
长毛兔	cháng máo tù
长毛绒	cháng máo róng
长汀	cháng tīng
长江	cháng jiāng
长江三峡	cháng jiāng sān xiá
长江三角洲	cháng jiāng sān jiǎo zhōu
长江后浪推前浪	cháng jiāng hòu làng tuī qián làng
长江天堑	cháng jiāng tiān qiàn
长沙	cháng shā
长沙市	cháng shā shì
长河	cháng hé
长治久安	cháng zhì jiǔ ān
长法	cháng fǎ
长波	cháng bō
长活	cháng huó
长流	cháng liú
长物	cháng wù
长生	cháng shēng
长生不死	cháng shēng bù sǐ
长生不老	cháng shēng bù lǎo
长生久视	cháng shēng jiǔ shì
长生果	cháng shēng guǒ
长白山	cháng bái shān
长目飞耳	cháng mù fēi ěr
长眠	cháng mián
长眠不起	cháng mián bù qǐ
长矛	cháng máo
长短	cháng duǎn
长短句	cháng duǎn jù
长石	cháng shí
长程	cháng chéng
长空	cháng kōng
长笛	cháng dí
长策	cháng cè
长算远略	cháng suàn yuǎn lüè
长篇	cháng piān
长篇大套	cháng piān dà tào
长篇大论	cháng piān dà lùn
长篇小说	cháng piān xiǎo shuō
长篇累牍	cháng piān lěi dú
长线	cháng xiàn
长线产品	cháng xiàn chǎn pǐn
长绒棉	cháng róng mián
长统	cháng tǒng
长统靴	cháng tǒng xuē
长绳系日	cháng shéng jì rì
长绳系景	cháng shéng xì jǐng
长编	cháng biān
长缨	cháng yīng
长臂猿	cháng bì yuán
长舌	cháng shé
长舌之妇	cháng shé zhī fù
长舌妇	cháng shé fù
长虑却顾	cháng lǜ què gù
长虑后顾	cháng lǜ hòu gù
长虑顾后	cháng lǜ gù hòu
长虫	cháng chóng
长虹	cháng hóng
长蛇封豕	cháng shé fēng shǐ
长蛇阵	cháng shé zhèn
长街	cháng jiē
长街短巷	cháng jiē duǎn xiàng
长衣	cháng yī
长衫	cháng shān
长袍	cháng páo
长袖	cháng xiù
长袖善舞	cháng xiù shàn wǔ
长袜	cháng wà
长裤	cháng kù
长褂	cháng guà
长计远虑	cháng jì yuǎn lǜ
长诗	cháng shī
长话	cháng huà
长话短说	cháng huà duǎn shuō
长调	cháng diào
长谈	cháng tán
长谈阔论	cháng tán kuò lùn
长足	cháng zú
长跑	cháng pǎo
长跪	cháng guì
长辔远御	cháng pèi yuǎn yù
长辔远驭	cháng pèi yuǎn yù
长辞	cháng cí
长远	cháng yuǎn
长途	cháng tú
长途电话	cháng tú diàn huà
长途跋涉	cháng tú bá shè
长逝	cháng shì
长镜头	cháng jìng tóu
长长	cháng cháng
长长短短	cháng cháng duǎn duǎn
长门	cháng mén
长队	cháng duì
长随	cháng suí
长青	cháng qīng
长音	cháng yīn
长项	cháng xiàng
长颈鸟喙	cháng jǐng niǎo huì
长颈鹿	cháng jǐng lù
长风破浪	cháng fēng pò làng
长驱	cháng qū
长驱深入	cháng qū shēn rù
长驱直入	cháng qū zhí rù
长驱直进	cháng qū zhí jìn
长驾远驭	cháng jià yuǎn yù
长鸣	cháng míng
长鸣都尉	cháng míng dū wèi
长鼓	cháng gǔ
长龙	cháng lóng
门单户薄	mén dān hù bó
闭塞	bì sè
闭塞眼睛捉麻雀	bì sè yǎn jīng zhuō má què
闭明塞聪	bì míng sè cōng
闭目塞听	bì mù sè tīng
闭目塞耳	bì mù sè ěr
闭门塞户	bì mén sè hù
闭门塞窦	bì mén sè dòu
问卜	wèn bǔ
问长问短	wèn cháng wèn duǎn
闲言长语	xián yán cháng yǔ
间见层出	jiàn xiàn céng chū
阑风长雨	lán fēng cháng yǔ
阴着儿	yīn zhāo ér
阻塞	zǔ sè
阿世取容	ē shì qǔ róng
阿世媚俗	ē shì mèi sú
阿世盗名	ē shì dào míng
阿党比周	ē dǎng bǐ zhōu
阿党相为	ē dǎng xiāng wéi
阿其所好	ē qí suǒ hào
阿弥陀佛	ē mí tuó fó
阿意取容	ē yì qǔ róng
阿房宫	ē páng gōng
阿时趋俗	ē shí qū sú
阿的平	ā dì píng
阿胶	ē jiāo
阿谀	ē yú
阿谀取容	ē yú qǔ róng
阿谀奉承	ē yú fèng chéng
阿谀谄媚	ē yú chǎn mèi
阿谀逢迎	ē yú féng yíng
阿附	ē fù
陂艿	bēi rèng
陂陀	pō tuó
附着	fù zhuó
附着力	fù zhuó lì
附识	fù zhì
陆万	liù wàn
陆佰	liù bǎi
陆圆	liù yuán
陆拾	liù shí
降伏	xiáng fú
降妖捉怪	xiáng yāo zhuō guài
降服	xiáng fú
降顺	xiáng shùn
降龙	xiáng lóng
降龙伏虎	xiáng lóng fú hǔ
陟罚臧否	zhì fá zāng pǐ
陪都	péi dū
陵劲淬砺	líng jìng cuì lì
隋珠弹雀	suí zhū tán què
随珠弹雀	suí zhū tán què
随行就市	suí háng jiù shì
隔行	gé háng
隔行如隔山	gé háng rú gé shān
雀子	qiāo zǐ
雁泊人户	yàn bó rén hù
雁行	yàn háng
雄劲	xióng jìng
雅乐	yǎ yuè
雅鲁藏布江	yǎ lǔ zàng bù jiāng
雕琢	diāo zhuó
雕章琢句	diāo zhāng zhuó jù
雕肝琢肾	diāo gān zhuó shèn
雕肝琢膂	diāo gān zhuó lǚ
雕蚶镂蛤	diāo hān lòu gé
雨顺风调	yǔ shùn fēng tiáo
霓裳	ní cháng
霜行草宿	shuāng xíng cǎo xiǔ
露一手	lòu yī shǒu
露丑	lòu chǒu
露刃	lòu rèn
露头	lòu tóu
露富	lòu fù
露底	lòu dǐ
露怯	lòu qiè
露白	lòu bái
露相	lòu xiàng
露脸	lòu liǎn
露苗	lòu miáo
露面	lòu miàn
露风	lòu fēng
露馅	lòu xiàn
露馅儿	lòu xiàn ér
露马脚	lòu mǎ jiǎo
青灯古佛	qīng dēng gǔ fó
青紫被体	qīng zǐ pī tǐ
青藏高原	qīng zàng gāo yuán
靓丽	liàng lì
靓仔	liàng zǎi
靓女	liàng nǚ
非得	fēi děi
靠泊	kào bó
靡靡之乐	mǐ mǐ zhī yuè
面似靴皮	miàn sì xuē pí
面折庭争	miàn shé tíng zhēng
面折廷诤	miàn shé tíng zhèng
鞠躬屏气	jū gōng bǐng qì
鞭辟向里	biān bì xiàng lǐ
鞭辟着里	biān bì zhuó lǐ
鞭长不及	biān cháng bù jí
鞭长不及马腹	biān cháng bù jí mǎ fù
鞭长莫及	biān cháng mò jí
鞭长驾远	biān cháng jià yuǎn
鞭鞘	biān shāo
韬光俟奋	tāo guāng sì fèn
音乐	yīn yuè
音乐剧	yīn yuè jù
音乐喷泉	yīn yuè pēn quán
音乐片	yīn yuè piàn
音乐界	yīn yuè jiè
音乐老师	yīn yuè lǎo shī
音乐茶座	yīn yuè chá zuò
音乐频道	yīn yuè pín dào
顶呱呱	dǐng guā guā
顾景惭形	gù yǐng cán xíng
顾虑重重	gù lǜ chóng chóng
顿开茅塞	dùn kāi máo sè
顿足椎胸	dùn zú zhuī xiōng
颀长	qí cháng
预卜	yù bǔ
颉颃	xié háng
频数	pín shuò
颠倒衣裳	diān dǎo yī cháng
颠衣到裳	diān yī dào cháng
颤栗	zhàn lì
风流蕴藉	fēng liú yùn jiè
风调雨顺	fēng tiáo yǔ shùn
风镐	fēng hào
飘泊	piāo bó
飘泊无定	piāo bó wú dìng
飞将数奇	fēi jiàng shù jī
飞流短长	fēi liú duǎn cháng
飞短流长	fēi duǎn liú cháng
食不重味	shí bù chóng wèi
食不重肉	shí bù chóng ròu
食母	sì mǔ
餐松啖柏	cān sōng dàn bó
餔糟啜漓	bū zāo chuò lí
餔糟啜醨	bū zāo chuò lí
饔飧不给	yōng sūn bù jǐ
饮水啜菽	yǐn shuǐ chuò shū
饮马长江	yìn mǎ cháng jiāng
饱和点	bǎo huó diǎn
饶舌调唇	ráo shé tiáo chún
饼铛	bǐng chēng
饿莩载道	è piǎo zǎi dào
饿莩遍野	è piǎo biàn yě
首都	shǒu dū
香培玉琢	xiāng péi yù zhuó
马勒	mǎ lè
马圈	mǎ juàn
马尾	mǎ yǐ
马尾巴	mǎ yǐ bā
马瘦毛长	mǎ shòu máo cháng
骄儿騃女	jiāo ér sì nǚ
骠勇	piào yǒng
骠骑	piào qí
骨殖	gǔ shi
骶椎	dǐ zhuī
高丽参	gāo lí shēn
高义薄云	gāo yì bó yún
高句骊	gāo gōu lí
高着	gāo zhāo
高风劲节	gāo fēng jìng jié
鬼使神差	guǐ shǐ shén chāi
鬼蜮伎俩	guǐ yù jì liǎng
鬼魅伎俩	guǐ mèi jì liǎng
魂不着体	hún bù zhuó tǐ
魂不著体	hún bù zhuó tǐ
鱼游燋釜	yú yóu zhuó fǔ
鸟闹	diǎo nào
鸡爪子	jī zhuǎ zi
鸡肋	jī lèi
鸡血石	jī xiě shí
鸢肩鹄颈	yuān jiān hú jǐng
鸣凤朝阳	míng fèng zhāo yáng
鸾停鹄峙	luán tíng hú zhì
鸾漂凤泊	luán piāo fèng bó
鸾飘凤泊	luán piāo fèng bó
鸾鹄停峙	luán hú tíng zhì
鸿商富贾	hóng shāng fù gǔ
鸿衣羽裳	hóng yī yǔ cháng
鸿鹄将至	hóng hú jiāng zhì
鹄峙鸾停	hú zhì luán tíng
鹄峙鸾翔	hú zhì luán xiáng
鹄的	gǔ dì
鹤短凫长	hè duǎn fú cháng
鹤长凫短	hè cháng fú duǎn
鹰击长空	yīng jī cháng kōng
鹰爪子	yīng zhuǎ zi
鹰觑鹘望	yīng qù hú wàng
鹿死谁手	lù sǐ shéi shǒu
麇至沓来	qún zhì tà lái
麟角凤觜	lín jiǎo fèng zuǐ
黄钟长弃	huáng zhōng cháng qì
黄陂	huáng pí
黄雀伺蝉	huáng què sì chán
黏皮着骨	nián pí zhuó gǔ
黏着	nián zhuó
黾穴鸲巢	měng xué qú cháo
鼎折覆餗	dǐng shé fù sù
鼎折餗覆	dǐng shé sù fù
鼎铛有耳	dǐng chēng yǒu ěr
鼎铛玉石	dǐng chēng yù shí
鼎鼐调和	dǐng nài tiáo hé
鼓乐	gǔ yuè
鼓乐喧天	gǔ yuè xuān tiān
鼓乐齐鸣	gǔ yuè qí míng
鼻塞	bí sè
齿龈	chǐ yín
龈齿弹舌	yín chǐ dàn shé
龈龈计较	yín yín jì jiào
龙门刨	lóng mén bào
龟兹	qiū cí
龟裂	jūn liè
"""


def phrases() -> dict[str, list[list[str]]]:
    """The phrases in the shape pypinyin.load_phrases_dict takes: phrase → one reading list per character."""
    out: dict[str, list[list[str]]] = {}
    for line in READINGS.splitlines():
        phrase, _, readings = line.partition("\t")
        if phrase and readings:
            out[phrase] = [[r] for r in readings.split(" ")]
    return out


def _toneless(syllable: str) -> str:
    text = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ü", "v")


def needed(all_phrases: dict[str, list[list[str]]], chars: dict[int, str]) -> dict[str, list[str]]:
    """The phrases whose toneless reading is not what the first reading of each character gives."""
    out: dict[str, list[str]] = {}
    for phrase, readings in sorted(all_phrases.items()):
        first = [_toneless(chars[ord(c)].split(",")[0]) if ord(c) in chars else None for c in phrase]
        if first != [_toneless(r[0]) for r in readings]:
            out[phrase] = [r[0] for r in readings]
    return out


def pypinyin_tables() -> tuple[dict[str, list[list[str]]], dict[int, str]]:
    """pypinyin's own phrase and character tables, read from its JSON files (not through its import-time copies)."""
    import pypinyin

    folder = Path(pypinyin.__file__).parent
    all_phrases = json.loads((folder / "phrases_dict.json").read_text(encoding="utf-8"))
    chars = {int(k): v for k, v in json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8")).items()}
    return all_phrases, chars


def _regenerate() -> int:
    import pypinyin

    table = needed(*pypinyin_tables())
    lines = "\n".join(f"{phrase}\t{' '.join(readings)}" for phrase, readings in table.items())
    source = Path(__file__).read_text(encoding="utf-8")
    start = source.index('READINGS = """') + len('READINGS = """\\\n')
    end = source.index('\n"""\n', start)
    source = source[:start] + lines + source[end:]
    version_at = source.index('PINYIN_VERSION = "')
    version_end = source.index('"', version_at + len('PINYIN_VERSION = "'))
    source = source[:version_at] + f'PINYIN_VERSION = "{pypinyin.__version__}' + source[version_end:]
    Path(__file__).write_text(source, encoding="utf-8")
    print(f"{len(table)} phrases written for pypinyin {pypinyin.__version__}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(_regenerate())
