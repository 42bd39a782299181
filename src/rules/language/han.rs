//! Telling Simplified from Traditional Chinese by a small table of characters (catalogue G7).
//!
//! The Unihan variant data was not vendored (catalogue §3 gap 6). Instead, this table holds
//! common characters of song titles and names whose simplified and traditional forms are
//! different code points and where neither form is in ordinary use in the other script
//! (pairs such as 后/後, 台/臺, 云/雲, 里/裏, 面/麵, 干/乾, whose simplified form is also a
//! traditional character, are left out). A text "tells" when it has characters of one list
//! and none of the other. Japanese text (kana) never tells: shinjitai shares many simplified
//! shapes (国, 学).

use crate::text::ScriptCode;

/// Simplified forms; `TRADITIONAL` holds the traditional form at the same position.
const SIMPLIFIED: &str = "爱们这国说时来个为会学东风乐听见梦恋声电车长门间开无与对从让还过远边进运飞马鸟鱼龙红绿蓝叶泪忆记话语诗汉华宝贝头发亲爷妈孙儿岁场业变灯烟钟铁银钱书画页题愿觉悦欢乡离难虽谁问闻阳阴队杂点热雾响实写读闪鸡战胜伤伞错双两万广义严丽举买卖乱争亚产亿优传体侣剑劳动区医单卫厅压县参号叹吗园围图圣坏块坚处够夺奋妇娱宁将尔尘层岛帅师带帮庄应张弹归录怀态总恶惊戏护报择拥挥换摇数断旧显晓术机杀条极枪树桥检毕气泽浅测浓涛湾满灵灿烂独狮环现疯盖盘礼种称积稳穷笔简类纯纸线练经结给绝继续维缘罗习联脑脸艺节苏荣药获补装观规视计认讨讲许论设访证识诉词试诚请调谈谢谣贵费贺资赛赶跃轮软轻载辉达迟选遥邮邻释针钢锁镜闭阵际陆陈随隐顶项顺须顾预领颜飘饭馆验骑鲜鸣麦齐龟";
const TRADITIONAL: &str = "愛們這國說時來個為會學東風樂聽見夢戀聲電車長門間開無與對從讓還過遠邊進運飛馬鳥魚龍紅綠藍葉淚憶記話語詩漢華寶貝頭發親爺媽孫兒歲場業變燈煙鐘鐵銀錢書畫頁題願覺悅歡鄉離難雖誰問聞陽陰隊雜點熱霧響實寫讀閃雞戰勝傷傘錯雙兩萬廣義嚴麗舉買賣亂爭亞產億優傳體侶劍勞動區醫單衛廳壓縣參號嘆嗎園圍圖聖壞塊堅處夠奪奮婦娛寧將爾塵層島帥師帶幫莊應張彈歸錄懷態總惡驚戲護報擇擁揮換搖數斷舊顯曉術機殺條極槍樹橋檢畢氣澤淺測濃濤灣滿靈燦爛獨獅環現瘋蓋盤禮種稱積穩窮筆簡類純紙線練經結給絕繼續維緣羅習聯腦臉藝節蘇榮藥獲補裝觀規視計認討講許論設訪證識訴詞試誠請調談謝謠貴費賀資賽趕躍輪軟輕載輝達遲選遙郵鄰釋針鋼鎖鏡閉陣際陸陳隨隱頂項順須顧預領顏飄飯館驗騎鮮鳴麥齊龜";

/// `Hans` when the text has simplified-only characters of the table and no traditional-only
/// ones, `Hant` for the reverse, `None` when it cannot tell (or the text has kana).
pub(crate) fn chinese_script(text: &str) -> Option<ScriptCode> {
    use unicode_script::{Script, UnicodeScript};
    if text
        .chars()
        .any(|c| matches!(c.script(), Script::Hiragana | Script::Katakana))
    {
        return None;
    }
    let simplified = text.chars().any(|c| SIMPLIFIED.contains(c));
    let traditional = text.chars().any(|c| TRADITIONAL.contains(c));
    match (simplified, traditional) {
        (true, false) => Some(ScriptCode::HANS),
        (false, true) => Some(ScriptCode::HANT),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        let s: Vec<char> = SIMPLIFIED.chars().collect();
        let t: Vec<char> = TRADITIONAL.chars().collect();
        assert_eq!(s.len(), t.len());
        for (a, b) in s.iter().zip(&t) {
            assert_ne!(a, b, "{a} maps to itself");
            assert!(!TRADITIONAL.contains(*a), "{a} is in both lists");
            assert!(!SIMPLIFIED.contains(*b), "{b} is in both lists");
        }
        let mut sorted = s.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), s.len(), "duplicate simplified character");
    }

    #[test]
    fn tells() {
        assert_eq!(chinese_script("聽見海"), Some(ScriptCode::HANT));
        assert_eq!(chinese_script("听见海"), Some(ScriptCode::HANS));
        assert_eq!(chinese_script("月亮代表我的心"), None);
        assert_eq!(chinese_script("国のうた"), None);
        assert_eq!(chinese_script("我爱你 愛"), None);
    }
}
