package org.oaplatform.templates.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * WeChat's industries for template messages, with the numbers {@code api_set_industry} takes and the classes
 * {@code get_industry} answers (the published list of 41).
 */
public enum Industry {
    INTERNET_ECOMMERCE(1, "IT科技", "互联网|电子商务"),
    SOFTWARE_SERVICES(2, "IT科技", "IT软件与服务"),
    HARDWARE(3, "IT科技", "IT硬件与设备"),
    ELECTRONICS(4, "IT科技", "电子技术"),
    TELECOM(5, "IT科技", "通信与运营商"),
    ONLINE_GAMES(6, "IT科技", "网络游戏"),
    BANKING(7, "金融业", "银行"),
    FUNDS(8, "金融业", "证券基金理财信托"),
    INSURANCE(9, "金融业", "保险"),
    CATERING(10, "餐饮", "餐饮"),
    HOTELS(11, "酒店旅游", "酒店"),
    TRAVEL(12, "酒店旅游", "旅游"),
    EXPRESS(13, "运输与仓储", "快递"),
    LOGISTICS(14, "运输与仓储", "物流"),
    WAREHOUSING(15, "运输与仓储", "仓储"),
    TRAINING(16, "教育", "培训"),
    SCHOOLS(17, "教育", "院校"),
    RESEARCH(18, "政府与公共事业", "学术科研"),
    TRAFFIC_POLICE(19, "政府与公共事业", "交警"),
    MUSEUMS(20, "政府与公共事业", "博物馆"),
    PUBLIC_SERVICES(21, "政府与公共事业", "公共事业非盈利机构"),
    MEDICINE(22, "医药护理", "医药医疗"),
    BEAUTY(23, "医药护理", "护理美容"),
    HEALTH(24, "医药护理", "保健与卫生"),
    CARS(25, "交通工具", "汽车相关"),
    MOTORCYCLES(26, "交通工具", "摩托车相关"),
    TRAINS(27, "交通工具", "火车相关"),
    AIRLINES(28, "交通工具", "飞机相关"),
    CONSTRUCTION(29, "房地产", "建筑"),
    PROPERTY_MANAGEMENT(30, "房地产", "物业"),
    CONSUMER_GOODS(31, "消费品", "消费品"),
    LEGAL(32, "商业服务", "法律"),
    EXHIBITIONS(33, "商业服务", "会展"),
    AGENCIES(34, "商业服务", "中介服务"),
    CERTIFICATION(35, "商业服务", "认证"),
    AUDITING(36, "商业服务", "审计"),
    MEDIA(37, "文体娱乐", "传媒"),
    SPORTS(38, "文体娱乐", "体育"),
    ENTERTAINMENT(39, "文体娱乐", "娱乐休闲"),
    PRINTING(40, "印刷", "印刷"),
    OTHER(41, "其它", "其它");

    private final int id;
    private final String firstClass;
    private final String secondClass;

    Industry(int id, String firstClass, String secondClass) {
        this.id = id;
        this.firstClass = firstClass;
        this.secondClass = secondClass;
    }

    public static Optional<Industry> byId(int id) {
        return Arrays.stream(values()).filter(i -> i.id == id).findFirst();
    }

    public int id() {
        return id;
    }

    public String firstClass() {
        return firstClass;
    }

    public String secondClass() {
        return secondClass;
    }
}
